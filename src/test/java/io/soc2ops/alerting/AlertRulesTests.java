package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.Severity;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Alert rules through the REST API and the page: the default rule is there from the first
 * start, every change is in the ledger, an invalid pattern is refused with the parser's
 * message and nothing stored, and an event can be tried against all rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertRules rules;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	String operatorKey;

	@BeforeEach
	void key() {
		var username = Username.of("rules-operator");
		if (users.find(username).isEmpty()) {
			users.create(username, "Rules operator", Set.of(Role.OPERATOR), "a-long-enough-password",
					Actor.system("test"));
		}
		operatorKey = tokens.issue(username, "rules", Actor.system("test")).secret();
	}

	@Test
	void theDefaultRuleIsCreatedOnTheFirstStartWithTheShippedPattern() {
		var rule = rules.find(DefaultRule.NAME).orElseThrow();

		assertThat(rule.pattern()).isEqualTo(DefaultRule.pattern());
		assertThat(rule.enabled()).isTrue();
		assertThat(rule.severityFloor()).isEqualTo(Severity.INFORMATIONAL);
		assertThat(ledger.about("alert-rule:" + DefaultRule.NAME, 10)).extracting(EvidenceEntry::action)
			.contains("alert-rule.created");
	}

	@Test
	void creatingChangingAndSwitchingARuleIsRecordedInTheLedger() throws Exception {
		String name = "rule-" + UUID.randomUUID();
		api(post("/api/v1/alert-rules").content(
				"""
						{"name": "%s", "pattern": {"source": ["aws.securityhub"]}, "severityFloor": "HIGH", "routes": ["security"]}
						"""
					.formatted(name)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.createdBy").value("user:rules-operator"));
		api(put("/api/v1/alert-rules/" + name).content("""
				{"pattern": {"source": [{"prefix": "aws."}]}, "severityFloor": "HIGH", "routes": ["security"]}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pattern").value("{\"source\":[{\"prefix\":\"aws.\"}]}"));
		api(put("/api/v1/alert-rules/" + name).content(
				"""
						{"pattern": {"source": [{"prefix": "aws."}]}, "severityFloor": "HIGH", "routes": ["security"], "enabled": false}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.version").value(3));

		assertThat(ledger.about("alert-rule:" + name, 10)).extracting(EvidenceEntry::action)
			.containsExactlyInAnyOrder("alert-rule.created", "alert-rule.changed", "alert-rule.disabled");
	}

	@Test
	void anInvalidPatternIsRefusedWithTheParsersMessageAndNothingStored() throws Exception {
		String name = "bad-" + UUID.randomUUID();
		long before = ledger.size();

		api(post("/api/v1/alert-rules").content(
				"""
						{"name": "%s", "pattern": {"detail": {"findings": {"ProductName": "GuardDuty"}}}, "severityFloor": "LOW"}
						"""
					.formatted(name)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("pattern: detail.findings.ProductName: \"ProductName\" must be "
					+ "an object or an array (line 1, column 39); nothing was changed"));

		assertThat(rules.find(name)).isEmpty();
		assertThat(ledger.size()).isEqualTo(before);
		mvc.perform(get("/api/v1/alert-rules/" + name).header("Authorization", "Bearer " + operatorKey))
			.andExpect(status().isNotFound());
	}

	@Test
	void aNameIsTakenOnce() throws Exception {
		api(post("/api/v1/alert-rules").content("""
				{"name": "%s", "pattern": {"source": ["aws.securityhub"]}, "severityFloor": "LOW"}"""
			.formatted(DefaultRule.NAME))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("name: a rule named " + DefaultRule.NAME + " exists already; nothing was changed"));
	}

	@Test
	void tryingAnEventSaysForEachFindingWhatEachRuleDoes() throws Exception {
		var archived = Events.guardDuty(f -> f.put("RecordState", "ARCHIVED"));

		api(post("/api/v1/alert-rules/try").content(Events.envelope(Events.guardDuty(), archived)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.raisesAny").value(true))
			.andExpect(jsonPath("$.findings.length()").value(2))
			.andExpect(jsonPath("$.findings[0].rules[?(@.rule == '%s')].outcome", DefaultRule.NAME).value("RAISES"))
			.andExpect(jsonPath("$.findings[1].rules[?(@.rule == '%s')].outcome", DefaultRule.NAME).value("NO_MATCH"))
			.andExpect(jsonPath("$.findings[1].rules[?(@.rule == '%s')].reasons[0]", DefaultRule.NAME)
				.value("detail.findings.RecordState: the event has \"ARCHIVED\"; the pattern wants [\"ACTIVE\"]"));
	}

	@Test
	void thePageTriesAnEventAndExplainsWhyNot() throws Exception {
		String page = mvc
			.perform(post("/alerts/rules/try").with(user("auditor").roles("AUDITOR"))
				.with(csrf())
				.param("event", Events.envelope(Events.guardDutyAsPublished())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("data-rule=\"" + DefaultRule.NAME + "\" data-outcome=\"NO_MATCH\"")
			.contains("detail.findings.ProductName");
	}

	@Test
	void thePageCreatesARuleAndShowsAParserErrorWithoutStoring() throws Exception {
		String name = "page-" + UUID.randomUUID();
		var operator = user("rules-operator").roles("OPERATOR");

		String refused = mvc
			.perform(post("/alerts/rules").with(operator)
				.with(csrf())
				.param("name", name)
				.param("pattern", "{\"source\": [{\"prefix\": 3}]}")
				.param("severityFloor", "LOW"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("source.prefix: prefix match pattern must be a string");
		assertThat(rules.find(name)).isEmpty();

		mvc.perform(post("/alerts/rules").with(operator)
			.with(csrf())
			.param("name", name)
			.param("pattern", "{\"source\": [{\"prefix\": \"aws.\"}]}")
			.param("severityFloor", "LOW")
			.param("routes", "security, on-call")
			.param("enabled", "true")).andExpect(status().is3xxRedirection());
		assertThat(rules.find(name).orElseThrow().routes()).containsExactly("security", "on-call");

		mvc.perform(post("/alerts/rules/" + name + "/disable").with(operator).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(rules.find(name).orElseThrow().enabled()).isFalse();
	}

	private org.springframework.test.web.servlet.ResultActions api(MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc
			.perform(request.header("Authorization", "Bearer " + operatorKey).contentType(MediaType.APPLICATION_JSON));
	}

}
