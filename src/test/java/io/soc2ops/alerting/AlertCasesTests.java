package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Users;

/**
 * Each alert raised through the webhook opens a case, which responders work through the
 * API: every step is stored, kept in the timeline and the ledger, and closing asks for
 * the finding's workflow status to follow; illegal, stale, invalid and unauthorised
 * changes are refused with a problem that names why, and change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CaseTestConfiguration.class)
@RecordApplicationEvents
class AlertCasesTests {

	static final Instant T0 = Instant.parse("2026-11-20T03:15:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry registry;

	CaseFixtures fixtures;

	@BeforeEach
	void people() {
		clock.set(T0);
		fixtures = new CaseFixtures(mvc, jdbc, users, tokens);
	}

	@Test
	void anAlertRaisedThroughTheWebhookOpensANewCaseDueByItsSeverity() throws Exception {
		String id = fixtures.raise();

		fixtures.read("case-auditor", id)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alert.id").value(id))
			.andExpect(jsonPath("$.alert.severity").value("HIGH"))
			.andExpect(jsonPath("$.case.state").value("NEW"))
			.andExpect(jsonPath("$.case.version").value(1))
			.andExpect(jsonPath("$.case.assignee").doesNotExist())
			.andExpect(jsonPath("$.case.acknowledgeDueAt").value("2026-11-20T04:15:00Z"))
			.andExpect(jsonPath("$.case.resolveDueAt").value("2026-11-21T03:15:00Z"))
			.andExpect(jsonPath("$.deadlines.acknowledge.status").value("ON_TRACK"))
			.andExpect(jsonPath("$.breached").value(false))
			.andExpect(jsonPath("$.timeline[0].kind").value("OPENED"))
			.andExpect(jsonPath("$.timeline[0].by").value("rule:" + DefaultRule.NAME))
			.andExpect(jsonPath("$.allowedActions").isEmpty());
		fixtures.read("case-engineer", id)
			.andExpect(jsonPath("$.allowedActions", Matchers.containsInAnyOrder("ACKNOWLEDGE", "ASSIGN", "NOTE")));
		clock.set(T0.plus(Duration.ofMinutes(61)));
		fixtures.read("case-engineer", id)
			.andExpect(jsonPath("$.deadlines.acknowledge.status").value("BREACHED"))
			.andExpect(jsonPath("$.deadlines.acknowledge.left").value("PT-1M"))
			.andExpect(jsonPath("$.breached").value(true));
	}

	@Test
	void acknowledgeInvestigateResolveIsStoredInTheTimelineAndTheLedgerStepByStep() throws Exception {
		String id = fixtures.raise();

		clock.set(T0.plus(Duration.ofMinutes(10)));
		fixtures.change("case-operator", id, """
				{"action":"ACKNOWLEDGE","version":1}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.case.state").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.case.version").value(2))
			.andExpect(jsonPath("$.deadlines.acknowledge.status").value("MET"))
			.andExpect(jsonPath("$.deadlines.acknowledge.taken").value("PT10M"));
		clock.set(T0.plus(Duration.ofMinutes(20)));
		fixtures.change("case-operator", id, """
				{"action":"INVESTIGATE","note":"looking at VPC flow logs","version":2}""")
			.andExpect(jsonPath("$.case.state").value("INVESTIGATING"));
		clock.set(T0.plus(Duration.ofHours(2)));
		fixtures.change("case-operator", id, """
				{"action":"RESOLVE","note":"instance isolated and rebuilt from the golden AMI","version":3}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.case.state").value("RESOLVED"))
			.andExpect(jsonPath("$.case.closedAt").value("2026-11-20T05:15:00Z"))
			.andExpect(jsonPath("$.deadlines.resolve.status").value("MET"))
			.andExpect(jsonPath("$.timeline[*].kind",
					Matchers.contains("OPENED", "ACKNOWLEDGE", "INVESTIGATE", "RESOLVE")))
			.andExpect(jsonPath("$.timeline[3].by").value("user:case-operator"))
			.andExpect(jsonPath("$.timeline[3].note").value("instance isolated and rebuilt from the golden AMI"))
			.andExpect(jsonPath("$.allowedActions", Matchers.containsInAnyOrder("REOPEN", "NOTE")));

		var entries = caseEntries(id);
		assertThat(entries).extracting(EvidenceEntry::action)
			.containsExactly("alert-case.acknowledged", "alert-case.investigation-started", "alert-case.resolved");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.actor().toString()).isEqualTo("user:case-operator");
			assertThat(entry.module()).isEqualTo("alerting");
		});
		assertThat(entries.get(2).payload()).contains("\"from\":\"INVESTIGATING\"")
			.contains("\"to\":\"RESOLVED\"")
			.contains("\"by\":\"user:case-operator\"")
			.contains("\"note\":\"instance isolated and rebuilt from the golden AMI\"");
		assertThat(updates(id)).singleElement().satisfies(update -> {
			assertThat(update.status()).isEqualTo(FindingWorkflowUpdate.Status.RESOLVED);
			assertThat(update.finding().productArn())
				.isEqualTo("arn:aws:securityhub:ap-northeast-1::product/aws/guardduty");
			assertThat(update.note()).contains("resolved by user:case-operator")
				.contains("instance isolated and rebuilt");
		});
	}

	@Test
	void timesToAcknowledgeAndResolveAndTheOpenCasesAreMeasured() throws Exception {
		String id = fixtures.raise();
		var acknowledged = registry.timer("soc2ops.alert.case.time.to.acknowledge", "severity", "HIGH", "state",
				"ACKNOWLEDGED");
		long before = acknowledged.count();
		double open = registry.get("soc2ops.alert.cases.open").gauge().value();
		assertThat(open).isPositive();

		clock.set(T0.plus(Duration.ofMinutes(7)));
		fixtures.change("case-operator", id, """
				{"action":"ACKNOWLEDGE"}""").andExpect(status().isOk());
		clock.set(T0.plus(Duration.ofHours(3)));
		fixtures.change("case-operator", id, """
				{"action":"MARK_FALSE_POSITIVE","note":"our own scanner"}""").andExpect(status().isOk());

		assertThat(acknowledged.count()).isEqualTo(before + 1);
		assertThat(registry.timer("soc2ops.alert.case.time.to.resolve", "severity", "HIGH", "state", "FALSE_POSITIVE")
			.max(java.util.concurrent.TimeUnit.MINUTES)).isGreaterThanOrEqualTo(180);
		assertThat(registry.get("soc2ops.alert.cases.open").gauge().value()).isEqualTo(open - 1);
		assertThat(registry.get("soc2ops.alert.cases.breached").gauge().value()).isNotNegative();
	}

	@Test
	void anIllegalTransitionIsAConflictNamingFromAndToAndChangesNothing() throws Exception {
		String id = fixtures.raise();

		fixtures.change("case-operator", id, """
				{"action":"RESOLVE","note":"nothing to see"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Conflict"))
			.andExpect(jsonPath("$.from").value("NEW"))
			.andExpect(jsonPath("$.to").value("RESOLVED"))
			.andExpect(jsonPath("$.allowedFrom", Matchers.contains("ACKNOWLEDGED", "INVESTIGATING")))
			.andExpect(jsonPath("$.detail", Matchers.endsWith("nothing was changed")));
		fixtures.change("case-operator", id, """
				{"action":"REOPEN","note":"again"}""").andExpect(status().isConflict());

		fixtures.read("case-operator", id)
			.andExpect(jsonPath("$.case.state").value("NEW"))
			.andExpect(jsonPath("$.case.version").value(1))
			.andExpect(jsonPath("$.timeline.length()").value(1));
		assertThat(caseEntries(id)).isEmpty();
		assertThat(updates(id)).isEmpty();
	}

	@Test
	void acknowledgingTwiceIsAConflictForTheSecond() throws Exception {
		String id = fixtures.raise();

		fixtures.change("case-operator", id, """
				{"action":"ACKNOWLEDGE"}""").andExpect(status().isOk());
		fixtures.change("case-engineer", id, """
				{"action":"ACKNOWLEDGE"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.from").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.to").value("ACKNOWLEDGED"));

		assertThat(caseEntries(id)).extracting(entry -> entry.actor().toString()).containsExactly("user:case-operator");
	}

	@Test
	void aChangeFromAVersionTheCaseMovedOnFromIsAConflictNamingTheVersion() throws Exception {
		String id = fixtures.raise();
		fixtures.change("case-operator", id, """
				{"action":"ACKNOWLEDGE","version":1}""").andExpect(status().isOk());

		fixtures.change("case-engineer", id, """
				{"action":"ASSIGN","assignee":"case-engineer","version":1}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("version"))
			.andExpect(jsonPath("$.currentVersion").value(2))
			.andExpect(jsonPath("$.currentState").value("ACKNOWLEDGED"));

		fixtures.read("case-engineer", id).andExpect(jsonPath("$.case.assignee").doesNotExist());
	}

	@Test
	void badRequestsAreProblemsNamingTheField() throws Exception {
		String id = fixtures.raise();

		fixtures.change("case-operator", id, "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("action"));
		fixtures.change("case-operator", id, """
				{"action":"ESCALATE"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", Matchers.startsWith("field 'action'")));
		fixtures.change("case-operator", id, """
				{"action":"NOTE","note":"%s"}""".formatted("x".repeat(4001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("note"));
		fixtures.change("case-operator", id, """
				{"action":"ASSIGN","assignee":"nobody-of-that-name"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("assignee"))
			.andExpect(jsonPath("$.detail", Matchers.startsWith("assignee: no user 'nobody-of-that-name'")));
		fixtures.change("case-operator", id, """
				{"action":"ASSIGN","assignee":"case-auditor"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", Matchers.containsString("cannot respond to alerts")));
		fixtures.change("case-operator", "no-such-alert", """
				{"action":"ACKNOWLEDGE"}""").andExpect(status().isNotFound());
		fixtures.read("case-operator", "no-such-alert").andExpect(status().isNotFound());

		fixtures.read("case-operator", id).andExpect(jsonPath("$.case.version").value(1));
		assertThat(caseEntries(id)).isEmpty();
	}

	@Test
	void assigningIsRecordedWithWhomAndBy() throws Exception {
		String id = fixtures.raise();

		fixtures.change("case-operator", id, """
				{"action":"ASSIGN","assignee":"case-engineer"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.case.assignee").value("case-engineer"))
			.andExpect(jsonPath("$.case.state").value("NEW"))
			.andExpect(jsonPath("$.timeline[1].kind").value("ASSIGN"))
			.andExpect(jsonPath("$.timeline[1].assignee").value("case-engineer"));
		fixtures.change("case-operator", id, """
				{"action":"ASSIGN","assignee":""}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.case.assignee").doesNotExist());

		assertThat(caseEntries(id)).extracting(EvidenceEntry::action)
			.containsExactly("alert-case.assigned", "alert-case.assigned");
		assertThat(caseEntries(id).getFirst().payload()).contains("\"assignee\":\"case-engineer\"")
			.contains("\"previousAssignee\":\"\"");
	}

	@Test
	void acceptingARiskIsForAnAdminWhoIsNotTheAssignee() throws Exception {
		String id = fixtures.raise();
		fixtures.change("case-operator", id, """
				{"action":"ACKNOWLEDGE"}""").andExpect(status().isOk());
		fixtures.change("case-operator", id, """
				{"action":"ASSIGN","assignee":"case-admin"}""").andExpect(status().isOk());
		String accept = """
				{"action":"ACCEPT_RISK","note":"test instance, isolated VPC, decommissioned next week"}""";

		fixtures.change("case-operator", id, accept)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", Matchers.containsString("only an admin may take")));
		fixtures.change("case-admin", id, accept)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", Matchers.containsString("own assignee (case-admin)")));
		fixtures.read("case-admin", id)
			.andExpect(jsonPath("$.case.state").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.allowedActions", Matchers.not(Matchers.hasItem("ACCEPT_RISK"))));
		assertThat(updates(id)).isEmpty();

		fixtures.change("case-admin2", id, accept)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.case.state").value("ACCEPTED_RISK"));

		assertThat(caseEntries(id).getLast().action()).isEqualTo("alert-case.risk-accepted");
		assertThat(caseEntries(id).getLast().actor().toString()).isEqualTo("user:case-admin2");
		assertThat(updates(id)).extracting(FindingWorkflowUpdate::status)
			.containsExactly(FindingWorkflowUpdate.Status.SUPPRESSED);
	}

	@Test
	void aClosedCaseReopensToInvestigatingWithANote() throws Exception {
		String id = fixtures.raise();
		fixtures.change("case-engineer", id, """
				{"action":"ACKNOWLEDGE"}""").andExpect(status().isOk());
		fixtures.change("case-engineer", id, """
				{"action":"MARK_FALSE_POSITIVE","note":"pen test from our own range"}""").andExpect(status().isOk());

		fixtures.change("case-engineer", id, """
				{"action":"REOPEN"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("note"));
		fixtures.change("case-engineer", id, """
				{"action":"REOPEN","note":"the pen test ended on Friday; it is still calling out"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.case.state").value("INVESTIGATING"))
			.andExpect(jsonPath("$.case.closedAt").doesNotExist());

		assertThat(updates(id)).extracting(FindingWorkflowUpdate::status)
			.containsExactly(FindingWorkflowUpdate.Status.SUPPRESSED, FindingWorkflowUpdate.Status.NOTIFIED);
		assertThat(caseEntries(id)).extracting(EvidenceEntry::action)
			.containsExactly("alert-case.acknowledged", "alert-case.marked-false-positive", "alert-case.reopened");
	}

	@Test
	void twoPeopleAcknowledgingAtOnceGiveOneWinnerAndOneConflict() throws Exception {
		String id = fixtures.raise();
		var start = new java.util.concurrent.CountDownLatch(1);
		var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
		var threads = List.of("case-operator", "case-engineer").stream().map(who -> Thread.ofPlatform().start(() -> {
			try {
				start.await();
				statuses.add(fixtures.change(who, id, """
						{"action":"ACKNOWLEDGE","version":1}""").andReturn().getResponse().getStatus());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).toList();

		start.countDown();
		for (var thread : threads) {
			thread.join();
		}

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(caseEntries(id)).extracting(EvidenceEntry::action).containsExactly("alert-case.acknowledged");
		fixtures.read("case-operator", id).andExpect(jsonPath("$.case.version").value(2));
	}

	private List<EvidenceEntry> caseEntries(String alertId) {
		return ledger.about("alert:" + alertId, 100)
			.stream()
			.filter(entry -> entry.action().startsWith("alert-case."))
			.sorted(java.util.Comparator.comparingLong(EvidenceEntry::sequence))
			.toList();
	}

	private List<FindingWorkflowUpdate> updates(String alertId) {
		return events.stream(FindingWorkflowUpdate.class)
			.filter(update -> update.alertId().equals(alertId))
			.filter(update -> update.status() != FindingWorkflowUpdate.Status.NOTIFIED
					|| update.by().startsWith("user:"))
			.toList();
	}

}
