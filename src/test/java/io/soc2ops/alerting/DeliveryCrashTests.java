package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.findings.FindingsIntake;

/**
 * Nothing is lost or sent twice when an instance stops or dies in the middle: a delivery
 * claimed by an instance that died goes out from another once the claim's lease has run
 * out, and a restart while deliveries are under way delivers each one once.
 */
class DeliveryCrashTests {

	@Test
	void aDeliveryClaimedByAnInstanceThatDiedIsDeliveredByAnotherOnceItsLeaseRanOut() {
		try (var instances = new Instances()) {
			var a = instances.start("instance-a", "--soc2ops.alerting.delivery.enabled=false");
			var raising = new Raising(a.getBean(AlertRules.class), a.getBean(AlertRoutes.class), instances.receiver,
					a.getBean(FindingsIntake.class), "slack-one");
			raising.push(raising.finding("-1"));
			// what an instance leaves behind when it dies between its claim and its post
			var now = Instant.now();
			var lease = now.plus(Duration.ofSeconds(8));
			var claimed = a.getBean(DeliveryStore.class)
				.claim("slack-one", now, lease, UUID.randomUUID().toString(), "instance-that-died", 50);
			assertThat(claimed).hasSize(1);

			var b = instances.start("instance-b");
			assertThat(Instant.now()).as("instance-b is up before the lease ran out").isBefore(lease);

			var store = b.getBean(DeliveryStore.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> store.find(claimed.getFirst().id(), Instant.now()).orElseThrow().state(),
						state -> state == Delivery.State.DELIVERED);
			assertThat(instances.receiver.received().getFirst().at()).isAfterOrEqualTo(lease);
			assertThat(instances.receiver.deliveredIds()).containsExactly(claimed.getFirst().id());
			assertThat(b.getBean(JdbcClient.class)
				.sql("SELECT claimed_by FROM alert_delivery WHERE id = :id AND state = 'DELIVERED'")
				.param("id", claimed.getFirst().id())
				.query(String.class)
				.single()).isEqualTo("instance-b");
		}
	}

	@Test
	void aRestartWhileDeliveringDeliversEachAlertOnce() {
		try (var instances = new Instances()) {
			String[] settings = { "--soc2ops.alerting.delivery.max-group=1",
					"--soc2ops.alerting.delivery.per-route-interval=0s" };
			instances.receiver.delay(Duration.ofMillis(20));
			var first = instances.start("before-restart", settings);
			var raising = new Raising(first.getBean(AlertRules.class), first.getBean(AlertRoutes.class),
					instances.receiver, first.getBean(FindingsIntake.class), "slack-one");
			for (int event = 0; event < 10; event++) {
				var findings = new ArrayList<String>();
				for (int i = 0; i < 10; i++) {
					findings.add(raising.finding("-" + event + "-" + i));
				}
				raising.push(findings.toArray(String[]::new));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> instances.receiver.deliveredIds().size() >= 20);

			first.close();
			int beforeRestart = instances.receiver.deliveredIds().size();
			var second = instances.start("after-restart", settings);

			var deliveries = second.getBean(Deliveries.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> deliveries.page(Delivery.State.DELIVERED, "slack-one", 1).total() == 100);
			var ids = second.getBean(JdbcClient.class).sql("SELECT id FROM alert_delivery").query(String.class).list();
			assertThat(beforeRestart).as("delivered before the restart").isLessThan(100);
			assertThat(instances.receiver.deliveredIds()).hasSize(100)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(ids);
		}
	}

}
