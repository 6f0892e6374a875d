package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Users;
import tools.jackson.databind.JsonNode;

/**
 * Reminders go to the Slack routes of the alert's rule, through the real routes and the
 * Slack SDK to a local receiver: one message per step; a passing failure leaves the
 * reminder due for the next sweep, a permanent one does not hold it back; the ledger
 * keeps every reminder whether Slack took it or not. (Same context as
 * {@link CaseRemindersTests}.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CaseTestConfiguration.class)
class SlackCaseRemindersTests {

	static final Instant T0 = CaseRemindersTests.T0;

	static final Actor TESTER = Actor.user("reminder-tester");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	MovableClock clock;

	@Autowired
	CaseReminderSweep sweep;

	@Autowired
	AlertCases cases;

	@Autowired
	AlertRoutes alertRoutes;

	@Autowired
	AlertRules rules;

	@Autowired
	FindingsIntake intake;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	List<CaseReminders> receivers;

	SlackReceiver slack;

	String route;

	final List<Raising> raised = new ArrayList<>();

	@BeforeEach
	void routeToTheReceiver() {
		clock.set(T0);
		new CaseFixtures(mvc, jdbc, users, tokens);
		slack = SlackReceiver.start();
		route = newRoute(slack);
	}

	@AfterEach
	void quietTheRules() {
		// this test's cases stay open: later sweeps in this context must not post them
		for (var raising : raised) {
			var draft = rules.find(raising.rule).orElseThrow().draft();
			rules.change(new AlertRuleDraft(draft.name(), draft.pattern(), draft.severityFloor(), List.of(),
					draft.enabled()), TESTER);
		}
		slack.close();
	}

	@Test
	void eachStepIsPostedOnceAsBlockKitWithTheCaseAndALinkToTheAlert() {
		String id = raise(route);

		sweepAt(Duration.ofMinutes(44));
		assertThat(slack.requests()).isEmpty();
		sweepAt(Duration.ofMinutes(46));
		sweepAt(Duration.ofMinutes(50));
		sweepAt(Duration.ofMinutes(61));
		cases.change(id, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("case-operator"));
		cases.change(id, CaseChange.assign("case-engineer"), Actor.user("case-operator"));
		sweepAt(Duration.ofHours(18));
		sweepAt(Duration.ofHours(24).plusMinutes(1));
		sweepAt(Duration.ofHours(30));

		var messages = messages();
		assertThat(messages).extracting(SlackCaseRemindersTests::headline)
			.containsExactly("⏰ Not acknowledged — 14m left", "🚨 Time to acknowledge breached",
					"⏰ Not resolved — 6h left", "🚨 Time to resolve breached");
		assertThat(messages).allSatisfy(message -> {
			assertThat(message.path("metadata").path("event_payload").path("alert_id").asString()).isEqualTo(id);
			var button = message.path("blocks").get(2).path("elements").get(0);
			assertThat(button.path("text").path("text").asString()).isEqualTo("Open in soc2ops");
			assertThat(button.path("url").asString()).isEqualTo("http://localhost:8080/alerts/" + id);
		});
		var first = messages.getFirst();
		assertThat(first.path("blocks").get(1).path("text").path("text").asString())
			.isEqualTo("*HIGH* · EC2 instance i-0b7f2c9a1d3e45f60 is querying a domain associated with a known "
					+ "C&amp;C server.");
		assertThat(fields(first))
			.contains("*Region*\nap-northeast-1", "*Case*\nNEW · unassigned", "*Acknowledge by*\n2026-11-20 04:15 UTC",
					"*Time left*\n14m")
			.anySatisfy(field -> assertThat(field).startsWith("*Account*\n").contains("444455556666"));
		assertThat(first.path("text").asString()).startsWith("⏰ Not acknowledged — 14m left: HIGH: EC2 instance");
		assertThat(fields(messages.get(3))).contains("*Case*\nACKNOWLEDGED · assigned to case-engineer",
				"*Resolve by*\n2026-11-21 03:15 UTC", "*Overdue by*\n1m");
		assertThat(remindersInTheLedger(id)).isEqualTo(4);
	}

	@Test
	void theRuleAsItIsNowDecidesTheRoutes() {
		String id = raise(route);
		try (var other = SlackReceiver.start()) {
			String otherRoute = newRoute(other);
			var draft = rules.find(raised.getFirst().rule).orElseThrow().draft();
			rules.change(
					new AlertRuleDraft(draft.name(), draft.pattern(), draft.severityFloor(), List.of(otherRoute), true),
					TESTER);

			sweepAt(Duration.ofMinutes(46));

			assertThat(slack.requests()).isEmpty();
			assertThat(other.delivered()).hasSize(1).first().asString().contains(id);
		}
	}

	@Test
	void aPassingFailureLeavesTheReminderDueAndTheNextSweepPostsItOnce() {
		String id = raise(route);
		slack.answer(503);

		clock.set(T0.plus(Duration.ofMinutes(46)));
		assertThatIllegalStateException().isThrownBy(sweep::sweep)
			.withMessageContaining("stay due")
			.withMessageNotContaining(slack.webhookPath());

		assertThat(slack.requests()).extracting(SlackReceiver.Request::status).containsExactly(503);
		assertThat(remindersInTheLedger(id)).isZero();
		assertThat(alertRoutes.find(route).orElseThrow().health().lastError()).contains("503");

		slack.answer(200);
		sweepAt(Duration.ofMinutes(47));
		sweepAt(Duration.ofMinutes(48));

		assertThat(messages()).extracting(SlackCaseRemindersTests::headline)
			.containsExactly("⏰ Not acknowledged — 13m left");
		assertThat(remindersInTheLedger(id)).isOne();
	}

	@Test
	void aRevokedWebhookDoesNotHoldTheReminderBackAndShowsOnTheRoute() {
		String id = raise(route);
		slack.answer(410);

		sweepAt(Duration.ofMinutes(46));
		sweepAt(Duration.ofMinutes(47));

		assertThat(slack.requests()).extracting(SlackReceiver.Request::status).containsExactly(410);
		assertThat(remindersInTheLedger(id)).isOne();
		var health = alertRoutes.find(route).orElseThrow().health();
		assertThat(health.failsPermanently()).isTrue();
		assertThat(health.permanentError()).contains("410").doesNotContain(slack.webhookPath());
	}

	@Test
	void anAcknowledgedCaseIsRemindedOnlyOfResolving() {
		String id = raise(route);
		cases.change(id, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("case-operator"));

		sweepAt(Duration.ofMinutes(46));
		sweepAt(Duration.ofMinutes(61));
		sweepAt(Duration.ofHours(18));

		assertThat(messages()).extracting(SlackCaseRemindersTests::headline)
			.containsExactly("⏰ Not resolved — 6h left");
	}

	@Test
	void aRuleWithoutRoutesPostsNothingButTheLedgerKeepsTheReminder() {
		String id = raise();

		assertThat(sweepAt(Duration.ofMinutes(46))).isPositive();

		assertThat(slack.requests()).isEmpty();
		assertThat(remindersInTheLedger(id)).isOne();
	}

	@Test
	void slackIsToldBeforeTheLedgerLocksItsHead() {
		assertThat(receivers).extracting(receiver -> receiver.getClass().getSimpleName())
			.containsSubsequence("SlackCaseReminders", "LedgerCaseReminders");
	}

	private String newRoute(SlackReceiver receiver) {
		String name = "reminders-" + UUID.randomUUID().toString().substring(0, 8);
		alertRoutes.create(name, receiver.webhookUrl(), true, TESTER);
		return name;
	}

	/** Raises one alert of a new rule routed to {@code routes}, and returns its ID. */
	private String raise(String... routes) {
		var raising = new Raising(rules, intake, routes);
		raised.add(raising);
		raising.push(raising.finding("1"));
		return jdbc.sql("SELECT id FROM alert WHERE rule_name = :rule")
			.param("rule", raising.rule)
			.query(String.class)
			.single();
	}

	private int sweepAt(Duration sinceRaised) {
		clock.set(T0.plus(sinceRaised));
		return sweep.sweep();
	}

	private long remindersInTheLedger(String id) {
		return ledger.about("alert:" + id, 100)
			.stream()
			.filter(entry -> entry.action().equals(CaseLedger.REMINDER_DUE))
			.count();
	}

	private List<JsonNode> messages() {
		return slack.delivered().stream().map(RouteReceiver.JSON::readTree).toList();
	}

	private static String headline(JsonNode message) {
		return message.path("blocks").get(0).path("text").path("text").asString();
	}

	private static List<String> fields(JsonNode message) {
		var texts = new ArrayList<String>();
		message.path("blocks").get(1).path("fields").forEach(field -> texts.add(field.path("text").asString()));
		return texts;
	}

}
