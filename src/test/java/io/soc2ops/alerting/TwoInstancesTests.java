package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.findings.FindingsIntake;

/**
 * Two soc2ops instances on one database, both delivering: each alert's delivery reaches
 * Slack exactly once, though both look for due deliveries and claim them at the same
 * time.
 */
class TwoInstancesTests {

	static final int ALERTS = 200;

	@Test
	void twoInstancesDeliverEveryAlertExactlyOnceBetweenThem() {
		try (var instances = new Instances()) {
			// one alert per message and no pacing, so the two compete for every delivery
			String[] settings = { "--soc2ops.alerting.delivery.max-group=1",
					"--soc2ops.alerting.delivery.per-route-interval=0s" };
			var a = instances.start("instance-a", settings);
			var b = instances.start("instance-b", settings);
			var raising = new Raising(a.getBean(AlertRules.class), a.getBean(AlertRoutes.class), instances.receiver,
					a.getBean(FindingsIntake.class), "slack-one", "slack-two");
			var intakes = new FindingsIntake[] { a.getBean(FindingsIntake.class), b.getBean(FindingsIntake.class) };
			for (int event = 0; event < ALERTS / 10; event++) {
				var findings = new ArrayList<String>();
				for (int i = 0; i < 10; i++) {
					findings.add(raising.finding("-" + event + "-" + i));
				}
				intakes[event % 2].accept(raising.event(findings.toArray(String[]::new)),
						io.soc2ops.findings.IntakeChannel.WEBHOOK, "api",
						io.soc2ops.evidence.Actor.user("eventbridge"));
			}

			await().atMost(Duration.ofSeconds(120)).until(() -> instances.receiver.deliveredIds().size() >= 2 * ALERTS);

			var jdbc = a.getBean(JdbcClient.class);
			var ids = jdbc.sql("SELECT id FROM alert_delivery").query(String.class).list();
			assertThat(ids).hasSize(2 * ALERTS);
			assertThat(instances.receiver.deliveredIds()).as("delivery IDs Slack got")
				.hasSize(2 * ALERTS)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(ids);
			assertThat(jdbc.sql("SELECT DISTINCT claimed_by FROM alert_delivery WHERE state = 'DELIVERED'")
				.query(String.class)
				.list()).as("instances that delivered").containsExactlyInAnyOrder("instance-a", "instance-b");
		}
	}

}
