package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.soc2ops.MovableClock;
import io.soc2ops.access.AccessReconciliation;
import io.soc2ops.access.AccessRemovals;
import io.soc2ops.access.CredentialReportFixtures;
import io.soc2ops.access.CredentialReports;
import io.soc2ops.access.HoldingKind;
import io.soc2ops.access.ReconciliationFixtures;
import io.soc2ops.access.RemovalReason;
import io.soc2ops.evidence.Actor;

/**
 * Who has access to what and the unapproved access, from the pages and the API: every
 * role reads them, unapproved lines first and each approved line with its request;
 * filters and pages pick the right lines; an operator opens a removal of unapproved
 * access, an auditor cannot. Shares the {@code access-reconcile} context with the
 * reconciliation's tests; each test works on accounts of its own.
 */
@SpringBootTest(properties = { ReconciliationFixtures.CONTEXT, ReconciliationFixtures.ROUTE_PROPERTY,
		ReconciliationFixtures.ON_CHANGE, ReconciliationFixtures.DELIVERY, ReconciliationFixtures.INTERVAL,
		ReconciliationFixtures.SITE })
@AutoConfigureMockMvc
@Import({ MovableClock.Configuration.class, ReconciliationFixtures.Routes.class })
class AccessViewPagesTests {

	static final RequestPostProcessor AUDITOR = user("auditor-anna").roles("AUDITOR");

	static final RequestPostProcessor OPERATOR = user("operator-olga").roles("OPERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialReports reports;

	@Autowired
	AccessReconciliation reconciliation;

	@Autowired
	AccessRemovals removals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	ReconciliationFixtures fixtures;

	String account;

	Instant now;

	long unapprovedAdmin;

	long unapprovedIam;

	long approved;

	long request;

	@BeforeEach
	void anAccountWithTwoUnapprovedOfFive() {
		now = ReconciliationFixtures.nextNow();
		clock.set(now);
		fixtures = new ReconciliationFixtures(jdbc);
		account = ReconciliationFixtures.account();
		Instant seen = now.minus(Duration.ofDays(20));
		approved = fixtures.assignment(account, "aiko@example.com", "ReadOnlyAccess", seen);
		request = fixtures.cover(account, "aiko@example.com", HoldingKind.ASSIGNMENT, "ReadOnlyAccess", seen,
				now.plus(Duration.ofDays(30)));
		for (String person : new String[] { "ben@example.com", "chie@example.com" }) {
			fixtures.holding(HoldingKind.ASSIGNMENT, account, person, "ReadOnlyAccess", "readers", seen);
			fixtures.cover(account, person, HoldingKind.ASSIGNMENT, "ReadOnlyAccess", seen, null);
		}
		unapprovedAdmin = fixtures.assignment(account, "zed@example.com", "AdministratorAccess", seen);
		unapprovedIam = fixtures.holding(HoldingKind.IAM_USER, account, "legacy-deployer",
				HoldingKind.IAM_USER_ENTITLEMENT, "", seen);
		reconciliation.reconcile("test");
	}

	@Test
	void everyRoleSeesUnapprovedLinesFirstAndTheRequestBehindEachApprovedOne() throws Exception {
		String page = mvc.perform(get("/access").param("account", account).with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"unapproved-" + unapprovedAdmin + "\"")
			.contains("id=\"unapproved-" + unapprovedIam + "\"")
			.contains("href=\"/access/requests/" + request + "\"")
			.contains("5 holdings, 2 unapproved")
			.contains("id=\"account-chart\"")
			.contains("id=\"bar-" + account + "\"");
		assertThat(page.indexOf("id=\"holding-" + unapprovedAdmin + "\""))
			.isLessThan(page.indexOf("id=\"holding-" + approved + "\""));
		assertThat(page.indexOf("id=\"holding-" + unapprovedIam + "\""))
			.isLessThan(page.indexOf("id=\"holding-" + approved + "\""));
		assertThat(page).doesNotContain("id=\"unapproved-" + approved + "\"");

		String japanese = mvc.perform(get("/access").param("account", account).param("lang", "ja").with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(japanese).contains("保有アクセス 5 件、うち未承認 2 件");
	}

	@Test
	void theTabsGroupByPermissionSetAndPerson() throws Exception {
		mvc.perform(get("/access").param("view", "entitlement").param("account", account).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("id=\"group-ReadOnlyAccess\"")
				.contains("id=\"group-AdministratorAccess\""));
		mvc.perform(get("/access").param("view", "person").param("account", account).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("id=\"group-zed@example.com\""));
		mvc.perform(get("/access").param("view", "everything").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("view: one of"));
	}

	@Test
	void theApiFiltersAndPagesHoldingsUnapprovedFirst() throws Exception {
		mvc.perform(get("/api/v1/access/holdings").param("account", account).param("limit", "2").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.unapproved").value(2))
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andExpect(jsonPath("$.lines[0].exceptionId").isNumber())
			.andExpect(jsonPath("$.lines[1].exceptionId").isNumber());
		mvc.perform(get("/api/v1/access/holdings").param("account", account)
			.param("offset", "2")
			.param("limit", "2")
			.with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andExpect(jsonPath("$.lines[0].holding.person.value").value("aiko@example.com"))
			.andExpect(jsonPath("$.lines[0].approval.requestId").value(request))
			.andExpect(jsonPath("$.lines[0].exceptionId").doesNotExist());
		mvc.perform(get("/api/v1/access/holdings").param("account", account)
			.param("entitlement", "AdministratorAccess")
			.with(AUDITOR))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.lines[0].holding.id").value(unapprovedAdmin));
		mvc.perform(get("/api/v1/access/holdings").param("person", "BEN@example.com")
			.param("account", account)
			.with(AUDITOR)).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.unapproved").value(0));
		mvc.perform(get("/api/v1/access/holdings").param("account", "12345").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("account")));
	}

	@Test
	void anOperatorOpensTheRemovalOfUnapprovedAccessAndAnAuditorCannot() throws Exception {
		long exception = jdbc
			.sql("SELECT id FROM access_unapproved WHERE holding_id = :holding AND resolved_at IS NULL")
			.param("holding", unapprovedAdmin)
			.query(Long.class)
			.single();
		mvc.perform(get("/access/exceptions").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("id=\"exception-" + exception + "\"")
				.doesNotContain("id=\"remove-" + exception + "\""));
		mvc.perform(post("/access/exceptions/{id}/removal", exception).with(AUDITOR).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(removals.byCause("exception:" + exception)).isEmpty();

		mvc.perform(post("/access/exceptions/{id}/removal", exception).with(OPERATOR).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/access/exceptions"))
			.andExpect(flash().attributeExists("removalOpened"));

		assertThat(removals.byCause("exception:" + exception)).singleElement().satisfies(removal -> {
			assertThat(removal.reason()).isEqualTo(RemovalReason.UNAPPROVED);
			assertThat(removal.person().value()).isEqualTo("zed@example.com");
			assertThat(removal.openedAt()).isEqualTo(now);
		});
		mvc.perform(get("/api/v1/access/exceptions/{id}", exception).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removalId").isNumber());
		mvc.perform(get("/api/v1/access/exceptions/{id}", 987_654_321L).with(AUDITOR)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/access/exceptions/{id}/removal", 987_654_321L).with(OPERATOR))
			.andExpect(status().isNotFound());
	}

	@Test
	void theDashboardCountsUnapprovedAccess() throws Exception {
		mvc.perform(get("/").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("id=\"unapproved-access-count\"")
				.contains(reconciliation.openCount() + " holdings without an approved request"));
	}

	@Test
	void anAuditorReplaysAPastMomentThroughTheApi() throws Exception {
		mvc.perform(get("/api/v1/access/unapproved-at").param("moment", now.toString())
			.param("after", String.valueOf(unapprovedAdmin - 1))
			.param("limit", "1")
			.with(AUDITOR)).andExpect(status().isOk()).andExpect(jsonPath("$.holdings[0].id").value(unapprovedAdmin));
		mvc.perform(get("/api/v1/access/unapproved-at").param("moment", "yesterday").with(AUDITOR))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theCredentialChecksAreShownBesideTheExceptionsToThoseWhoReadTheAwsConnection() throws Exception {
		reports.store(account, CredentialReportFixtures.report(account).getBytes(StandardCharsets.UTF_8),
				Instant.parse("2026-09-28T00:00:00Z"), "file:report.csv", Actor.user("operator-olga"));

		String html = mvc.perform(get("/access/exceptions").with(OPERATOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"credential-table\"").contains("no MFA").contains("old access key");
		assertThat(html.substring(html.indexOf("id=\"credential-table\""))).contains(account).contains("bob");

		String engineer = mvc.perform(get("/access/exceptions").with(user("engineer-emi").roles("ENGINEER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(engineer).doesNotContain("credential-findings").contains("exception-table");
	}

}
