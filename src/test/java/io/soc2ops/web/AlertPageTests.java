package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.MovableClock;
import io.soc2ops.alerting.AlertCases;
import io.soc2ops.alerting.CaseAction;
import io.soc2ops.alerting.CaseChange;
import io.soc2ops.alerting.CaseFixtures;
import io.soc2ops.alerting.CaseTestConfiguration;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Users;

/**
 * An alert's page shows the alert, where its case stands, its targets and its timeline,
 * and to each person only the buttons for what they may do now; its plain forms post and
 * come back to the page saying what happened. The list shows each alert's case and
 * filters by it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CaseTestConfiguration.class)
class AlertPageTests {

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
	AlertCases cases;

	@Autowired
	MovableClock clock;

	CaseFixtures fixtures;

	@BeforeEach
	void people() {
		clock.set(T0);
		fixtures = new CaseFixtures(mvc, jdbc, users, tokens);
	}

	@Test
	void aNewCaseShowsTheAlertItsStepsTargetsAndOnlyTheButtonsAResponderMayUse() throws Exception {
		String id = fixtures.raise();

		String page = page(id, "case-operator", "OPERATOR");

		assertThat(page).contains("is querying a domain associated")
			.contains("href=\"/findings/")
			.contains("href=\"/alerts/rules/" + "guardduty-new-active")
			.contains("444455556666")
			.contains("AwsEc2Instance")
			.contains("<li class=\"current\">New</li>")
			.contains("id=\"deadline-acknowledge\"")
			.contains("2026-11-20 04:15")
			.contains("1h left")
			.contains("id=\"action-ACKNOWLEDGE\"")
			.contains("id=\"action-ASSIGN\"")
			.contains("id=\"action-NOTE\"")
			.doesNotContain("id=\"action-INVESTIGATE\"")
			.doesNotContain("id=\"action-RESOLVE\"")
			.doesNotContain("id=\"action-ACCEPT_RISK\"");
	}

	@Test
	void anAuditorReadsTheCaseWithoutAnyButton() throws Exception {
		String id = fixtures.raise();

		String page = page(id, "case-auditor", "AUDITOR");

		assertThat(page).contains("id=\"timeline\"").doesNotContain("id=\"case-actions\"").doesNotContain("action-");
	}

	@Test
	void acceptRiskIsOfferedToAnAdminWhoIsNotTheAssigneeOnly() throws Exception {
		String id = fixtures.raise();
		cases.change(id, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("case-operator"));
		cases.change(id, CaseChange.assign("case-admin"), Actor.user("case-operator"));

		assertThat(page(id, "case-admin2", "ADMIN")).contains("id=\"action-ACCEPT_RISK\"")
			.contains("id=\"action-RESOLVE\"")
			.contains("id=\"action-INVESTIGATE\"");
		assertThat(page(id, "case-admin", "ADMIN")).doesNotContain("id=\"action-ACCEPT_RISK\"")
			.contains("id=\"accept-risk-hint\"");
		assertThat(page(id, "case-operator", "OPERATOR")).doesNotContain("id=\"action-ACCEPT_RISK\"")
			.contains("id=\"action-MARK_FALSE_POSITIVE\"");
	}

	@Test
	void theFormsPostAndComeBackSayingWhatHappened() throws Exception {
		String id = fixtures.raise();

		mvc.perform(post("/alerts/{id}/case", id).with(user("case-engineer").roles("ENGINEER"))
			.with(csrf())
			.param("action", "ACKNOWLEDGE")
			.param("version", "1")
			.param("note", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/alerts/" + id))
			.andExpect(flash().attribute("done", "ACKNOWLEDGE"));
		mvc.perform(post("/alerts/{id}/case", id).with(user("case-engineer").roles("ENGINEER"))
			.with(csrf())
			.param("action", "RESOLVE")
			.param("version", "2")
			.param("note", " "))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/alerts/" + id))
			.andExpect(flash().attribute("problem", "note: RESOLVE needs a note saying why"));
		mvc.perform(post("/alerts/{id}/case", id).with(user("case-operator").roles("OPERATOR"))
			.with(csrf())
			.param("action", "INVESTIGATE")
			.param("version", "1"))
			.andExpect(flash().attribute("problem", org.hamcrest.Matchers.startsWith("version: the case of alert")));

		String page = page(id, "case-engineer", "ENGINEER");
		assertThat(page).contains("<li class=\"current\">Acknowledged</li>")
			.contains("id=\"action-INVESTIGATE\"")
			.contains("id=\"action-RESOLVE\"")
			.contains("user:case-engineer");
		mvc.perform(post("/alerts/{id}/case", "no-such-alert").with(user("case-engineer").roles("ENGINEER"))
			.with(csrf())
			.param("action", "ACKNOWLEDGE")).andExpect(status().isNotFound());
	}

	@Test
	void aCaseClosedStraightFromAcknowledgedShowsTheInvestigationStepSkipped() throws Exception {
		String id = fixtures.raise();
		cases.change(id, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("case-operator"));
		cases.change(id, CaseChange.of(CaseAction.MARK_FALSE_POSITIVE, "our scanner"), Actor.user("case-operator"));

		assertThat(page(id, "case-operator", "OPERATOR")).contains("<li class=\"done\">Acknowledged</li>")
			.contains("<li class=\"skipped\">Investigating</li>")
			.contains("<li class=\"current done\">False positive</li>")
			.contains("id=\"action-REOPEN\"")
			.doesNotContain("id=\"action-ASSIGN\"");
	}

	@Test
	void aHostileNoteIsShownAsTextAndKeptAsWritten() throws Exception {
		String id = fixtures.raise();
		String hostile = "<script>alert(1)</script> & \"quotes\"\nsecond line";

		mvc.perform(post("/alerts/{id}/case", id).with(user("case-operator").roles("OPERATOR"))
			.with(csrf())
			.param("action", "NOTE")
			.param("note", hostile)).andExpect(flash().attribute("done", "NOTE"));

		assertThat(page(id, "case-auditor", "AUDITOR")).doesNotContain("<script>alert(1)")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;\nsecond line");
		assertThat(cases.find(id).orElseThrow().timeline().getLast().note()).isEqualTo(hostile);
	}

	@Test
	void theListShowsEachCaseAndFiltersOpenClosedAndBreached() throws Exception {
		String closed = fixtures.raise();
		String late = fixtures.raise();
		cases.change(closed, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("case-operator"));
		cases.change(closed, CaseChange.of(CaseAction.RESOLVE, "done"), Actor.user("case-operator"));
		cases.change(late, CaseChange.assign("case-engineer"), Actor.user("case-operator"));
		clock.set(T0.plus(Duration.ofMinutes(61)));

		String open = list("open");
		String done = list("closed");
		String breached = list("breached");

		assertThat(open).contains("id=\"alert-" + late + "\"").doesNotContain("id=\"alert-" + closed + "\"");
		assertThat(done).contains("id=\"alert-" + closed + "\"").doesNotContain("id=\"alert-" + late + "\"");
		assertThat(breached).doesNotContain("id=\"alert-" + closed + "\"");
		assertThat(row(breached, late)).contains("<span class=\"badge breached\">Target missed</span>")
			.contains("case-engineer")
			.contains("New");
		assertThat(row(done, closed)).doesNotContain("badge breached").contains("Resolved");
		assertThat(list("all")).contains("id=\"alert-" + late + "\"").contains("id=\"alert-" + closed + "\"");
		mvc.perform(get("/alerts").param("cases", "bogus").with(user("case-auditor").roles("AUDITOR")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void speaksJapanese() throws Exception {
		String id = fixtures.raise();

		String page = mvc
			.perform(get("/alerts/{id}", id).param("lang", "ja").with(user("case-operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("確認する").contains("経緯").contains("確認までの時間").contains("新規");
	}

	private String page(String id, String who, String role) throws Exception {
		return mvc.perform(get("/alerts/{id}", id).with(user(who).roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String row(String page, String alertId) {
		int start = page.indexOf("id=\"alert-" + alertId + "\"");
		assertThat(start).as("row of alert " + alertId).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private String list(String filter) throws Exception {
		return mvc.perform(get("/alerts").param("cases", filter).with(user("case-auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
