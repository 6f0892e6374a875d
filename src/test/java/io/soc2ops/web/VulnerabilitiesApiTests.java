package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilityPolicyApproved;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.VulnerabilityIntake;

import static org.awaitility.Awaitility.await;

/**
 * The vulnerabilities API end to end with real tokens: lists and filters, one with its
 * history, the exception flow with the roles it takes (an engineer asks, another person
 * holding APPROVER decides, an auditor only reads), the period report as CSV, and bad
 * input refused as a problem naming the field, with nothing changed.
 */
@SpringBootTest(properties = "soc2ops.test.context=vulnerabilities-api")
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class VulnerabilitiesApiTests {

	static final Instant NOW = Instant.parse("2026-09-28T10:00:00Z");

	static final String ACCOUNT = "210987654321";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	VulnerabilityIntake intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	final Map<Role, String> token = new EnumMap<>(Role.class);

	String both;

	@BeforeEach
	void peopleAndVulnerabilities() {
		clock.set(NOW);
		for (var role : Role.values()) {
			token.put(role, user("api-" + role.name().toLowerCase(java.util.Locale.ROOT), Set.of(role)));
		}
		both = user("api-engineer-approver", Set.of(Role.ENGINEER, Role.APPROVER));
		if (jdbc.sql("SELECT COUNT(*) FROM vulnerability_policy").query(Long.class).single() == 0) {
			var days = new EnumMap<VulnerabilitySeverity, Integer>(VulnerabilitySeverity.class);
			days.putAll(Map.of(VulnerabilitySeverity.CRITICAL, 1, VulnerabilitySeverity.HIGH, 7,
					VulnerabilitySeverity.MEDIUM, 30));
			var policy = new SlaPolicy(1, LocalDate.of(2026, 1, 1), days, Set.of(), Set.of(), "carol",
					Instant.parse("2026-01-01T00:00:00Z"), "cd".repeat(32));
			new TransactionTemplate(transactions)
				.executeWithoutResult(status -> events.publishEvent(new VulnerabilityPolicyApproved(policy)));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM vulnerability_policy").query(Long.class).single() == 1);
		}
		if (jdbc.sql("SELECT COUNT(*) FROM vulnerability").query(Long.class).single() == 0) {
			intake.observed(List.of(observed("i-00000000000000001", VulnerabilitySeverity.CRITICAL, 3, "payments"),
					observed("i-00000000000000002", VulnerabilitySeverity.HIGH, 1, "payments"),
					observed("i-00000000000000003", VulnerabilitySeverity.MEDIUM, 40, "mobile")));
		}
	}

	@Test
	void listsVulnerabilitiesMostUrgentFirstWithFilters() throws Exception {
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[0].resourceId").value("i-00000000000000003"))
			.andExpect(jsonPath("$.items[0].status").value("OVERDUE"))
			.andExpect(jsonPath("$.items[0].deadline").value("due 2026-09-18T10:00:00Z (30 days, policy v1)"));
		mvc.perform(as(Role.AUDITOR,
				get("/api/v1/vulnerabilities").param("status", "overdue")
					.param("team", "payments")
					.param("account", ACCOUNT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].severity").value("CRITICAL"))
			.andExpect(jsonPath("$.items[0].team").value("payments"));
		mvc.perform(as(Role.ENGINEER, get("/api/v1/vulnerabilities").param("severity", "HIGH")))
			.andExpect(jsonPath("$.items[0].status").value("OPEN"))
			.andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/counts")))
			.andExpect(jsonPath("$.OVERDUE").isNumber());
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/policies")))
			.andExpect(jsonPath("$.inForce").value(1))
			.andExpect(jsonPath("$.versions[0].slaDays.CRITICAL").value(1));
	}

	@Test
	void oneVulnerabilityWithItsHistoryOrNotFound() throws Exception {
		long id = idOf("i-00000000000000002");

		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.vulnerability.id").value(id))
			.andExpect(jsonPath("$.vulnerability.cve").value("CVE-2024-6387"))
			.andExpect(jsonPath("$.history").isArray());
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/999999999"))).andExpect(status().isNotFound());
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/not-a-number"))).andExpect(status().isNotFound());
	}

	@Test
	void anEngineerAsksAnotherPersonApprovesAndAnAuditorOnlyReads() throws Exception {
		long id = idOf("i-00000000000000001");
		String body = request(id, "2026-10-31");

		mvc.perform(as(Role.AUDITOR, post("/api/v1/vulnerabilities/exceptions")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		var created = mvc
			.perform(as(Role.ENGINEER, post("/api/v1/vulnerabilities/exceptions"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("REQUESTED"))
			.andExpect(jsonPath("$.requestedBy").value("user:api-engineer"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long exception = Long.parseLong(created.replaceAll(".*\"id\":([0-9]+).*", "$1"));

		for (var role : List.of(Role.ADMIN, Role.OPERATOR, Role.ENGINEER, Role.AUDITOR)) {
			mvc.perform(as(role, post("/api/v1/vulnerabilities/exceptions/" + exception + "/approve"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().isForbidden());
		}
		mvc.perform(as(Role.APPROVER, post("/api/v1/vulnerabilities/exceptions/" + exception + "/approve"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"reboot window on Saturday\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("user:api-approver"));
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/" + id)))
			.andExpect(jsonPath("$.vulnerability.status").value("EXCEPTED"))
			.andExpect(jsonPath("$.exceptions[0].id").value(exception));
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/exceptions").param("state", "approved")))
			.andExpect(jsonPath("$[?(@.id == " + exception + ")].state").value("APPROVED"));
	}

	@Test
	void anApproverApprovingTheirOwnRequestIsForbiddenAndNothingChanges() throws Exception {
		long id = idOf("i-00000000000000002");
		var created = mvc
			.perform(bearer(both, post("/api/v1/vulnerabilities/exceptions")).contentType(MediaType.APPLICATION_JSON)
				.content(request(id, "2026-11-30")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long exception = Long.parseLong(created.replaceAll(".*\"id\":([0-9]+).*", "$1"));
		long entries = ledger.size();

		mvc.perform(bearer(both, post("/api/v1/vulnerabilities/exceptions/" + exception + "/approve"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("never approves their own")));

		assertThat(ledger.size()).isEqualTo(entries);
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/exceptions/" + exception)))
			.andExpect(jsonPath("$.state").value("REQUESTED"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no expiry         | {"vulnerabilities":[VULN],"reason":"r","compensatingControl":"c"}                               | expiresOn
					expiry not a date | {"vulnerabilities":[VULN],"reason":"r","compensatingControl":"c","expiresOn":"31/10/2026"}     | expiresOn
					unknown field     | {"vulnerabilities":[VULN],"reason":"r","compensatingControl":"c","expiresOn":"2026-10-31","approvedBy":"me"} | approvedBy
					wrong type        | {"vulnerabilities":"VULN","reason":"r","compensatingControl":"c","expiresOn":"2026-10-31"}     | vulnerabilities
					no reason         | {"vulnerabilities":[VULN],"compensatingControl":"c","expiresOn":"2026-10-31"}                  | reason
					not JSON          | {"vulnerabilities":[                                                                             | not valid JSON
					""")
	void aBadExceptionRequestIsAProblemNamingTheFieldAndStoresNothing(String name, String body, String expected)
			throws Exception {
		long entries = ledger.size();
		long stored = jdbc.sql("SELECT COUNT(*) FROM vulnerability_exception").query(Long.class).single();

		var response = mvc
			.perform(as(Role.ENGINEER, post("/api/v1/vulnerabilities/exceptions"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("VULN", String.valueOf(idOf("i-00000000000000003")))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse();

		assertThat(response.getContentAsString()).contains(expected);
		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM vulnerability_exception").query(Long.class).single())
			.isEqualTo(stored);
	}

	@Test
	void theReportIsCsvAndABadPeriodOrFilterIsAProblem() throws Exception {
		mvc.perform(as(Role.AUDITOR,
				get("/api/v1/vulnerabilities/report.csv").param("from", "2026-08-01").param("to", "2026-09-30")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"vulnerabilities-2026-08-01-2026-09-30.csv\""))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("record,vulnerability_id,finding_id,")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\r\ntotal,")));
		mvc.perform(as(Role.AUDITOR,
				get("/api/v1/vulnerabilities/report.csv").param("from", "2026-10-01").param("to", "2026-09-30")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("from: 2026-10-01 is after to (2026-09-30)"));
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities/report.csv").param("from", "yesterday")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("from: must be a date like 2026-01-31 but was 'yesterday'"));
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities").param("severity", "SEVERE")))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("severity: 'SEVERE' is not one of")));
		mvc.perform(as(Role.AUDITOR, get("/api/v1/vulnerabilities").param("account", "12")))
			.andExpect(status().isBadRequest());
	}

	private long idOf(String resource) {
		return jdbc.sql("SELECT id FROM vulnerability WHERE resource_id = :r")
			.param("r", resource)
			.query(Long.class)
			.single();
	}

	private static String request(long id, String expiresOn) {
		return "{\"vulnerabilities\":[" + id + "],\"reason\":\"no vendor fix yet\","
				+ "\"compensatingControl\":\"port 22 closed at the security group\",\"expiresOn\":\"" + expiresOn
				+ "\"}";
	}

	private static ObservedVulnerability observed(String instance, VulnerabilitySeverity severity, int daysAgo,
			String team) {
		Instant start = NOW.minus(Duration.ofDays(daysAgo));
		return new ObservedVulnerability("arn:aws:inspector2:ap-northeast-1:" + ACCOUNT + ":finding/api" + instance,
				ACCOUNT, "ap-northeast-1", instance, "AWS_EC2_INSTANCE", new HashMap<>(Map.of("team", team)),
				VulnerabilityKind.PACKAGE_VULNERABILITY, severity, "CVE-2024-6387 - openssh-server", "CVE-2024-6387",
				List.of(), 8.1, null, InspectorState.ACTIVE, start, start, start);
	}

	private String user(String name, Set<Role> roles) {
		var username = Username.of(name);
		if (users.find(username).isEmpty()) {
			users.create(username, name, roles, "a-long-enough-password", Actor.system("test"));
		}
		return tokens.issue(username, "vulnerabilities api tests", Actor.system("test")).secret();
	}

	private MockHttpServletRequestBuilder as(Role role, MockHttpServletRequestBuilder request) {
		return bearer(token.get(role), request);
	}

	private static MockHttpServletRequestBuilder bearer(String token, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

}
