package io.soc2ops.web;

import static io.soc2ops.policies.PolicyFixtures.APPROVER;
import static io.soc2ops.policies.PolicyFixtures.AUDITOR;
import static io.soc2ops.policies.PolicyFixtures.AUTHOR;
import static io.soc2ops.policies.PolicyFixtures.SECOND_APPROVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.PolicyFixtures;
import io.soc2ops.policies.VersionStanding;
import io.soc2ops.policies.VulnerabilityPolicies;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The policies page: the policy in force with its deadlines, the history, a draft with
 * what it changes, approve and reject only for an approver who is not the author, and the
 * form that drafts a change; in English and Japanese.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PoliciesPageTests {

	static final RequestPostProcessor AUTHOR_OPERATOR = user(AUTHOR).roles("OPERATOR");

	static final RequestPostProcessor FIRST_APPROVER = user(APPROVER).roles("APPROVER");

	static final RequestPostProcessor OTHER_APPROVER = user(SECOND_APPROVER).roles("APPROVER");

	static final RequestPostProcessor READER = user(AUDITOR).roles("AUDITOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	VulnerabilityPolicies policies;

	final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@BeforeEach
	void aPolicyInForceAndADraftByAnApprover() {
		PolicyFixtures.noVersions(jdbc);
		PolicyFixtures.people(users);
		var first = policies.draft(PolicyFixtures.reference(today), "test", Actor.user(AUTHOR));
		policies.approve(first.version(), null, "", Actor.user(SECOND_APPROVER));
		policies.draft(first.terms().withDays(VulnerabilitySeverity.HIGH, 5), "test", Actor.user(APPROVER));
	}

	@Test
	void everyoneReadsThePolicyInForceItsHistoryAndWhatTheDraftChanges() throws Exception {
		String page = page(get("/policies"), READER);

		assertThat(page).contains("id=\"in-force-version\"")
			.contains("Version 1")
			.containsPattern("id=\"sla-HIGH\">\\s*<td><span[^>]*>High</span></td>\\s*<td>7 days</td>")
			.containsPattern(
					"id=\"sla-INFORMATIONAL\">\\s*<td><span[^>]*>Informational</span></td>\\s*<td>no deadline</td>")
			.containsPattern("id=\"sla-CRITICAL\">\\s*<td><span[^>]*>Critical</span></td>\\s*<td>1 day</td>")
			.contains("id=\"version-1\"", "id=\"version-2\"")
			.contains("id=\"draft-2\"")
			.containsPattern("id=\"change-HIGH\">[\\s\\S]*?<td>7 days</td>\\s*<td class=\"change tighter\">5 days</td>")
			.doesNotContain("id=\"change-CRITICAL\"")
			.contains("id=\"decide-hint-2\"")
			.doesNotContain("id=\"approve-2\"")
			.doesNotContain("id=\"draft-form\"");
	}

	@Test
	void onlyAnApproverWhoIsNotTheAuthorSeesApproveAndReject() throws Exception {
		assertThat(page(get("/policies"), FIRST_APPROVER)).doesNotContain("id=\"approve-2\"")
			.contains("id=\"decide-hint-2\"");
		assertThat(page(get("/policies"), AUTHOR_OPERATOR)).doesNotContain("id=\"approve-2\"")
			.contains("id=\"draft-form\"");
		assertThat(page(get("/policies"), OTHER_APPROVER)).contains("id=\"approve-2\"", "id=\"reject-2\"");
	}

	@Test
	void aSecondApproverApprovesFromTheVersionPage() throws Exception {
		String sha256 = policies.version(2).orElseThrow().sha256();
		assertThat(page(get("/policies/vulnerability/2"), OTHER_APPROVER)).contains(sha256)
			.contains("id=\"version-yaml\"")
			.contains("  HIGH: 5")
			.contains("vulnerability-policy.drafted");

		String text = mvc.perform(get("/policies/vulnerability/2/text").with(READER))
			.andExpect(status().isOk())
			.andExpect(
					header().string("Content-Disposition", "attachment; filename=\"vulnerability-management-v2.yaml\""))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).isEqualTo(policies.version(2).orElseThrow().text());

		mvc.perform(post("/policies/vulnerability/2/approve").with(OTHER_APPROVER)
			.with(csrf())
			.param("sha256", sha256)
			.param("note", "agreed")).andExpect(redirectedUrl("/policies/vulnerability/2"));

		assertThat(policies.version(2).orElseThrow().standing()).isEqualTo(VersionStanding.IN_FORCE);
		assertThat(policies.version(1).orElseThrow().standing()).isEqualTo(VersionStanding.SUPERSEDED);
	}

	@Test
	void theAuthorsOwnApprovalIsRefusedOnThePageAndChangesNothing() throws Exception {
		var flash = mvc
			.perform(post("/policies/vulnerability/2/approve").with(FIRST_APPROVER).with(csrf()).param("sha256", ""))
			.andExpect(redirectedUrl("/policies/vulnerability/2"))
			.andReturn()
			.getFlashMap();

		assertThat(String.valueOf(flash.get("problem"))).contains("its author may not approve or reject it");
		assertThat(policies.version(2).orElseThrow().standing()).isEqualTo(VersionStanding.DRAFT);
	}

	@Test
	void theFormDraftsAChangeAndABadOneIsShownBackWithNothingStored() throws Exception {
		String refused = mvc.perform(form().with(AUTHOR_OPERATOR).param("high", "-2"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("sla.HIGH: must be a whole number of days from 1 to 3650, or none; was -2")
			.contains("value=\"-2\"");
		assertThat(policies.history()).hasSize(2);

		mvc.perform(form().with(AUTHOR_OPERATOR).param("high", "3"))
			.andExpect(redirectedUrl("/policies/vulnerability/3"));
		var drafted = policies.version(3).orElseThrow();
		assertThat(drafted.terms().daysFor(VulnerabilitySeverity.HIGH)).contains(3);
		assertThat(drafted.terms().accounts()).containsExactly("111122223333", "444455556666");
		assertThat(drafted.source()).isEqualTo("web");
	}

	@Test
	void thePageSpeaksJapanese() throws Exception {
		assertThat(page(get("/policies").param("lang", "ja"), READER)).contains("脆弱性管理ポリシー")
			.contains("発効中")
			.contains("7 日");
	}

	private MockHttpServletRequestBuilder form() {
		return post("/policies/vulnerability").with(csrf())
			.param("effectiveFrom", today.toString())
			.param("critical", "1")
			.param("medium", "30")
			.param("low", "90")
			.param("informational", "none")
			.param("accounts", "111122223333, 444455556666")
			.param("resourceTypes", "")
			.param("notes", "Faster HIGH fixes.\r\nSecond line.");
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
