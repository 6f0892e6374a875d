package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingKey;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.web.EventsApiFixtures;

/**
 * Events EventBridge pushes raise alerts, one per finding and matching rule, stored with
 * the findings; the same event twice raises nothing new; history imported from a file
 * raises none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertRaisingTests {

	static final String ENVELOPE = """
			{"version":"0","id":"%s","detail-type":"Security Hub Findings - Imported",
			 "source":"aws.securityhub","account":"444455556666","time":"2026-11-20T03:15:00Z","region":"ap-northeast-1",
			 "resources":[],"detail":{"findings":[%s]}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindingsIntake intake;

	@Autowired
	AlertRules rules;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	String operatorKey;

	@BeforeEach
	void key() {
		var username = Username.of("alerting-operator");
		if (users.find(username).isEmpty()) {
			users.create(username, "Alerting operator", Set.of(Role.OPERATOR), "a-long-enough-password",
					Actor.system("test"));
		}
		operatorKey = tokens.issue(username, "eventbridge", Actor.system("test")).secret();
	}

	@Test
	void theSameEventTwiceRaisesOneAlertPerFinding() throws Exception {
		String eventId = UUID.randomUUID().toString();
		String body = ENVELOPE.formatted(eventId, String.join(",", EventsApiFixtures.guardDuty(eventId + "-a", NOW),
				EventsApiFixtures.guardDuty(eventId + "-b", NOW)));

		send(body);
		send(body);

		assertThat(alertsOf(eventId, DefaultRule.NAME)).hasSize(2);
	}

	@Test
	void theSameEventTwiceInOneRequestRaisesOneAlertPerFindingEachWithOneCase() throws Exception {
		String eventId = UUID.randomUUID().toString();
		String event = ENVELOPE.formatted(eventId, String.join(",", EventsApiFixtures.guardDuty(eventId + "-a", NOW),
				EventsApiFixtures.guardDuty(eventId + "-b", NOW)))
			.replace("\n", "");

		send(event + "\n" + event);

		var alerts = alertsOf(eventId, DefaultRule.NAME);
		assertThat(alerts).hasSize(2);
		assertThat(alerts)
			.allSatisfy(alert -> assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_case WHERE alert_id = :id")
				.param("id", alert)
				.query(Long.class)
				.single()).isEqualTo(1));
	}

	@Test
	void everyFindingOfEveryEventInOneRequestRaisesItsAlertEvenAcrossChunks() throws Exception {
		// 200 + 200 + 150 findings: the intake stores them in chunks of 500, so the third
		// event's findings are stored partly in the first chunk and partly in the second
		var events = new java.util.ArrayList<String>();
		var ids = new java.util.ArrayList<String>();
		for (int size : new int[] { 200, 200, 150 }) {
			String eventId = UUID.randomUUID().toString();
			ids.add(eventId);
			var findings = new java.util.ArrayList<String>();
			for (int i = 0; i < size; i++) {
				findings.add(EventsApiFixtures.guardDuty(eventId + "-" + i, NOW).replace("\n", ""));
			}
			events.add(ENVELOPE.formatted(eventId, String.join(",", findings)).replace("\n", ""));
		}

		send(String.join("\n", events));

		assertThat(ids).extracting(id -> alertsOf(id, DefaultRule.NAME).size()).containsExactly(200, 200, 150);
	}

	@Test
	void anAlertCarriesTheFindingAsNormalisedAndLinksToIt() throws Exception {
		String eventId = UUID.randomUUID().toString();
		send(ENVELOPE.formatted(eventId, EventsApiFixtures.guardDuty(eventId, NOW)));

		var alert = jdbc
			.sql("SELECT severity, product_name, finding_key, title, finding_type, account_id, region, "
					+ "resource_type, resource_id, channel FROM alert WHERE event_id = :id AND rule_name = :rule")
			.param("id", eventId)
			.param("rule", DefaultRule.NAME)
			.query()
			.singleRow();

		String findingId = "arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/" + eventId;
		String key = new FindingKey(findingId, "arn:aws:securityhub:ap-northeast-1::product/aws/guardduty").digest();
		assertThat(alert).containsEntry("SEVERITY", "HIGH")
			.containsEntry("PRODUCT_NAME", "GuardDuty")
			.containsEntry("FINDING_KEY", key)
			.containsEntry("FINDING_TYPE", "TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS")
			.containsEntry("ACCOUNT_ID", "444455556666")
			.containsEntry("REGION", "ap-northeast-1")
			.containsEntry("RESOURCE_TYPE", "AwsEc2Instance")
			.containsEntry("CHANNEL", "WEBHOOK");
		var page = mvc.perform(get("/alerts")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("auditor")
				.roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/findings/" + key + "\"").contains("is querying a domain associated");
	}

	@Test
	void anEventFromTheQueueRaisesAlertsButAFileImportNone() {
		String queued = UUID.randomUUID().toString();
		String imported = UUID.randomUUID().toString();

		intake.accept(ENVELOPE.formatted(queued, EventsApiFixtures.guardDuty(queued, NOW)), IntakeChannel.QUEUE,
				"queue", Actor.system("test"));
		intake.accept(ENVELOPE.formatted(imported, EventsApiFixtures.guardDuty(imported, NOW)), IntakeChannel.FILE,
				"history.json", Actor.system("test"));

		assertThat(alertsOf(queued, DefaultRule.NAME)).hasSize(1);
		assertThat(alertsOf(imported, DefaultRule.NAME)).isEmpty();
	}

	@Test
	void aRuleRaisesOnlyForFindingsAtOrAboveItsFloor() throws Exception {
		String eventId = UUID.randomUUID().toString();
		String pattern = """
				{"detail": {"findings": {"Id": [{"prefix": "arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/%s"}]}}}"""
			.formatted(eventId);
		rules.create(new AlertRuleDraft("high-" + eventId, pattern, Severity.HIGH, List.of(), true),
				Actor.user("alerting-operator"));
		rules.create(new AlertRuleDraft("critical-" + eventId, pattern, Severity.CRITICAL, List.of(), true),
				Actor.user("alerting-operator"));

		send(ENVELOPE.formatted(eventId, EventsApiFixtures.guardDuty(eventId, NOW)));

		assertThat(alertsOf(eventId, "high-" + eventId)).hasSize(1);
		assertThat(alertsOf(eventId, "critical-" + eventId)).isEmpty();
	}

	@Test
	void aRuleThatIsOffRaisesNothingUntilItIsOn() throws Exception {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		String name = "switched-" + first;
		rules.create(new AlertRuleDraft(name, """
				{"source": ["aws.securityhub"], "id": ["%s", "%s"]}""".formatted(first, second), Severity.INFORMATIONAL,
				List.of(), false), Actor.user("alerting-operator"));

		send(ENVELOPE.formatted(first, EventsApiFixtures.guardDuty(first, NOW)));
		rules.enable(name, Actor.user("alerting-operator"));
		send(ENVELOPE.formatted(second, EventsApiFixtures.guardDuty(second, NOW)));

		assertThat(alertsOf(first, name)).isEmpty();
		assertThat(alertsOf(second, name)).hasSize(1);
	}

	static final String NOW = "2026-11-20T03:14:00.000Z";

	private void send(String body) throws Exception {
		mvc.perform(post("/api/v1/events").header("X-Api-Key", operatorKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isOk());
	}

	private List<String> alertsOf(String eventId, String rule) {
		return jdbc.sql("SELECT id FROM alert WHERE event_id = :event AND rule_name = :rule")
			.param("event", eventId)
			.param("rule", rule)
			.query(String.class)
			.list();
	}

}
