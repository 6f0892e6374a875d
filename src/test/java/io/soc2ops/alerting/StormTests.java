package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import io.soc2ops.alerting.RouteReceiver.Answer;
import io.soc2ops.findings.FindingsIntake;

/**
 * Slack takes about one message per second per webhook: a route gets at most one message
 * per interval, a burst waits in the outbox, a storm of similar findings becomes one
 * message (or a few) with their count, and a slow route holds up no other.
 */
@SpringBootTest(properties = { "soc2ops.alerting.delivery.enabled=true",
		"soc2ops.alerting.delivery.per-route-interval=1s", "soc2ops.alerting.delivery.poll-interval=100ms" })
@Import(RouteReceiver.OfTheContext.class)
@DirtiesContext
class StormTests {

	/**
	 * A turn is taken before the claim and the post, so two posts may come a little
	 * closer than the interval when the first took longer to build and send than the
	 * second.
	 */
	static final Duration INTERVAL_LESS_SLACK = Duration.ofMillis(900);

	@Autowired
	RouteReceiver receiver;

	@Autowired
	AlertRoutes alertRoutes;

	@Autowired
	AlertRules rules;

	@Autowired
	FindingsIntake intake;

	@Autowired
	Deliveries deliveries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStormOfThirtySimilarFindingsIsOneOrAFewMessagesEachWithItsCount() {
		String route = route();
		var raising = new Raising(rules, alertRoutes, receiver, intake, route);

		for (int i = 0; i < 30; i++) {
			raising.push(raising.finding("-" + i));
		}

		await().atMost(Duration.ofSeconds(20))
			.until(() -> deliveries.page(Delivery.State.DELIVERED, route, 1).total() == 30);
		var messages = receiver.received(route);
		assertThat(messages).hasSizeBetween(1, 4);
		assertThat(messages).allSatisfy(message -> assertThat(message.count()).isEqualTo(message.deliveryIds().size()));
		assertThat(receiver.deliveredIds(route)).hasSize(30).doesNotHaveDuplicates();
		var grouped = messages.stream().filter(message -> message.count() > 1).toList();
		assertThat(grouped).isNotEmpty().allSatisfy(message -> {
			assertThat(message.message().path("blocks").get(0).path("text").path("text").asString())
				.isEqualTo("HIGH: " + message.count() + " similar findings: " + Raising.SAMPLE_TYPE);
			assertThat(message.message().path("text").asString()).contains(message.count() + " similar findings");
			String group = message.message().path("metadata").path("event_payload").path("group_id").asString();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_delivery WHERE group_id = :group")
				.param("group", group)
				.query(Integer.class)
				.single()).isEqualTo(message.count());
		});
		assertSpaced(messages);
	}

	@Test
	void aBurstOfDifferentFindingsWaitsInTheOutboxAndGoesOutOneMessagePerInterval() {
		String route = route();
		var raising = new Raising(rules, alertRoutes, receiver, intake, route);
		var findings = new ArrayList<String>();
		for (int i = 0; i < 4; i++) {
			findings.add(raising.finding("-" + i, "Software and Configuration Checks/Type " + i));
		}

		raising.push(findings.toArray(String[]::new));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> deliveries.page(Delivery.State.DELIVERED, route, 1).total() == 4);
		var messages = receiver.received(route);
		assertThat(messages).hasSize(4).allSatisfy(message -> assertThat(message.count()).isEqualTo(1));
		assertSpaced(messages);
	}

	@Test
	void aSlowRouteHoldsUpNoOtherRoute() {
		String slow = route();
		String quick = route();
		var raising = new Raising(rules, alertRoutes, receiver, intake, slow, quick);
		receiver.answer(slow, Answer.of(200, "ok").after(Duration.ofSeconds(4)));

		raising.push(raising.finding("-1"));

		await().atMost(Duration.ofSeconds(3))
			.until(() -> deliveries.page(Delivery.State.DELIVERED, quick, 1).total() == 1);
		assertThat(deliveries.page(Delivery.State.PENDING, slow, 1).deliveries()).singleElement()
			.satisfies(delivery -> assertThat(delivery.claimed()).isTrue());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries.page(Delivery.State.DELIVERED, slow, 1).total() == 1);
	}

	private static void assertSpaced(java.util.List<RouteReceiver.Received> messages) {
		for (int i = 1; i < messages.size(); i++) {
			assertThat(Duration.between(messages.get(i - 1).at(), messages.get(i).at()))
				.as("time between message %d and %d", i - 1, i)
				.isGreaterThanOrEqualTo(INTERVAL_LESS_SLACK);
		}
	}

	private static String route() {
		return "slack-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
