package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.soc2ops.deploy.CloudFormationTemplate;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EventBridge API destination: an envelope from Security Hub in, findings stored;
 * anything else refused with the reason and nothing stored.
 */
@SpringBootTest(properties = "soc2ops.events.max-body=64KB")
@AutoConfigureMockMvc
class EventsApiTests {

	static final String ENVELOPE = """
			{"version":"0","id":"8e5622f9-d81c-4d81-612a-9319e7ee2506","detail-type":"Security Hub Findings - Imported",
			 "source":"aws.securityhub","account":"444455556666","time":"2026-11-20T03:15:00Z","region":"ap-northeast-1",
			 "resources":["arn:aws:securityhub:ap-northeast-1::product/aws/guardduty/arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/f1"],
			 "detail":{"findings":[%s,%s]}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	MeterRegistry metrics;

	String operatorKey;

	String auditorKey;

	@BeforeEach
	void keys() {
		operatorKey = key("events-operator", Role.OPERATOR);
		auditorKey = key("events-auditor", Role.AUDITOR);
	}

	@Test
	void anEnvelopeWithTwoFindingsStoresBothAndRecordsOneBatch() throws Exception {
		long ledgerBefore = ledger.size();

		mvc.perform(event(operatorKey,
				ENVELOPE.formatted(guardDuty("f1", "2026-11-20T03:14:00.000Z"),
						guardDuty("f2", "2026-11-20T03:14:30.000Z"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(2))
			.andExpect(jsonPath("$.inserted").value(2));

		assertThat(findings("arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/f%")).isEqualTo(2);
		assertThat(ledger.size()).isEqualTo(ledgerBefore + 1);
		assertThat(ledger.about("findings:WEBHOOK", 1).getFirst().actor()).isEqualTo(Actor.user("events-operator"));
	}

	@Test
	void theSameEventTwiceChangesNothing() throws Exception {
		String body = ENVELOPE.formatted(guardDuty("twice", "2026-11-20T03:14:00.000Z"),
				guardDuty("twice-2", "2026-11-20T03:14:00.000Z"));
		mvc.perform(event(operatorKey, body)).andExpect(status().isOk());

		mvc.perform(event(operatorKey, body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inserted").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
	}

	@Test
	void withoutAKeyOrWithTheWrongRoleNothingIsStored() throws Exception {
		String body = ENVELOPE.formatted(guardDuty("nokey", "2026-11-20T03:14:00.000Z"),
				guardDuty("nokey-2", "2026-11-20T03:14:00.000Z"));
		mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(event("s2o_not-a-real-key", body)).andExpect(status().isUnauthorized());
		mvc.perform(event(auditorKey, body)).andExpect(status().isForbidden());

		assertThat(findings("%/finding/nokey%")).isZero();
	}

	@Test
	void theHeaderTheCloudFormationConnectionSendsTheKeyInAuthenticates() throws Exception {
		var connection = JsonMapper.builder()
			.build()
			.valueToTree(CloudFormationTemplate.read(CloudFormationTemplate.EVENTS).resource("Connection"));
		String header = connection.at("/Properties/AuthParameters/ApiKeyAuthParameters/ApiKeyName").asString();

		mvc.perform(post("/api/v1/events").header(header, operatorKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(ENVELOPE.formatted(guardDuty("cfn-1", "2026-11-20T03:14:00.000Z"),
					guardDuty("cfn-2", "2026-11-20T03:14:00.000Z"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(2));
	}

	@Test
	void badEventsAreRefusedNamingTheProblemAndCounted() throws Exception {
		double before = metrics.counter("soc2ops.events.rejected", "reason", "invalid").count();
		long ledgerBefore = ledger.size();

		mvc.perform(event(operatorKey, "this is not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("record 1")));
		mvc.perform(event(operatorKey, "{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("detail-type")));
		mvc.perform(event(operatorKey,
				ENVELOPE.formatted(guardDuty("ok", "2026-11-20T03:14:00.000Z"),
						guardDuty("bad", "2026-11-20T03:14:00.000Z").replace("\"AwsAccountId\":\"444455556666\"",
								"\"AwsAccountId\":444455556666"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("record 2"),
						org.hamcrest.Matchers.containsString("AwsAccountId"),
						org.hamcrest.Matchers.containsString("nothing was stored"))));

		assertThat(findings("%/finding/ok")).isZero();
		assertThat(ledger.size()).isEqualTo(ledgerBefore);
		assertThat(metrics.counter("soc2ops.events.rejected", "reason", "invalid").count()).isEqualTo(before + 3);
	}

	@Test
	void aFindingsImportedV2EventOfTheNewSecurityHubIsStoredAsOcsf() throws Exception {
		long ledgerBefore = ledger.size();

		mvc.perform(event(operatorKey, fixture("securityhub-v2-imported-event.json")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(1))
			.andExpect(jsonPath("$.inserted").value(1));

		var row = jdbc
			.sql("SELECT format, product_arn, security_control_id, compliance_status, channel FROM finding"
					+ " WHERE finding_id LIKE '%security-control/S3.8/finding/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'")
			.query()
			.singleRow();
		assertThat(row.values()).extracting(v -> v.toString().strip())
			.containsExactly("OCSF", "arn:aws:securityhub:ap-northeast-1::product/aws/securityhub", "S3.8", "PASSED",
					"WEBHOOK");
		assertThat(ledger.size()).isEqualTo(ledgerBefore + 1);
	}

	@Test
	void aBrokenOcsfFindingIsRefusedNamingItsField() throws Exception {
		String broken = fixture("securityhub-v2-imported-event.json").replace("\"uid\": \"123456789012\"",
				"\"uid\": \"12345\"");

		mvc.perform(event(operatorKey, broken))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("record 1"),
						org.hamcrest.Matchers.containsString("cloud.account.uid: must be 12 digits"),
						org.hamcrest.Matchers.containsString("nothing was stored"))));
	}

	@Test
	void anOversizedBodyIsRefusedFromItsDeclaredLength() throws Exception {
		String huge = ENVELOPE.formatted(guardDuty("huge", "2026-11-20T03:14:00.000Z"),
				guardDuty("huge-2", "2026-11-20T03:14:00.000Z").replace("\"Title\":\"",
						"\"Title\":\"" + "x".repeat(70_000)));

		mvc.perform(event(operatorKey, huge)).andExpect(status().isPayloadTooLarge());

		assertThat(findings("%/finding/huge%")).isZero();
	}

	private long findings(String idPattern) {
		return jdbc.sql("SELECT COUNT(*) FROM finding WHERE finding_id LIKE :p")
			.param("p", idPattern)
			.query(Long.class)
			.single();
	}

	private static String fixture(String name) throws IOException {
		try (var in = EventsApiTests.class.getResourceAsStream("/findings/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static MockHttpServletRequestBuilder event(String key, String body) {
		return post("/api/v1/events").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String key(String name, Role role) {
		var username = Username.of(name);
		if (users.find(username).isEmpty()) {
			users.create(username, name, Set.of(role), "a-long-enough-password", Actor.system("test"));
		}
		return tokens.issue(username, "eventbridge", Actor.system("test")).secret();
	}

	static String guardDuty(String id, String updatedAt) {
		return EventsApiFixtures.guardDuty(id, updatedAt);
	}

}
