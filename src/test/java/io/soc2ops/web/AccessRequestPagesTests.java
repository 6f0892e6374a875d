package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.soc2ops.MovableClock;
import io.soc2ops.access.AccessRequestContext;
import io.soc2ops.access.AccessRequestTestSupport;
import io.soc2ops.access.AccessRequests;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.identity.Users;

/**
 * The access request pages and API: an engineer asks on the form, a second user approves
 * on the request's page, an operator confirms the grant; each page shows the buttons its
 * viewer may use; the API answers refusals with problems naming the field (400), the rule
 * (403, 409) or the missing request (404). Shares the context of
 * {@code AccessRequestsTests}.
 */
@AccessRequestContext
class AccessRequestPagesTests {

	static final Instant NOW = Instant.parse("2026-10-05T01:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessRequests requests;

	@Autowired
	AwsAccounts accounts;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	String account;

	@BeforeEach
	void peopleAccountsAndInventory() {
		clock.set(NOW);
		account = AccessRequestTestSupport.prepare(users, jdbc, accounts, NOW);
	}

	@Test
	void anEngineerAsksOnTheFormASecondUserApprovesAndAnOperatorConfirmsTheGrant() throws Exception {
		var created = mvc
			.perform(post("/access/requests").with(as("erin", "ENGINEER"))
				.param("kind", "PERMISSION_SET")
				.param("entitlement", "ReadOnly")
				.param("accounts", account)
				.param("reason", "to look at the failed deployment")
				.param("until", "2026-10-10")
				.param("ticketUrl", "https://acme.backlog.com/view/INFRA-7"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String page = created.getResponse().getRedirectedUrl();
		assertThat(page).matches("/access/requests/[0-9]+");
		long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
		assertThat(requests.find(id).orElseThrow().until()).contains(Instant.parse("2026-10-11T00:00:00Z"));

		String asErin = html(get(page).with(as("erin", "ENGINEER")));
		assertThat(asErin).contains("Backlog INFRA-7")
			.contains("id=\"decide-hint\"")
			.doesNotContain("id=\"approve\"")
			.contains("id=\"withdraw\"");
		String list = html(get("/access/requests").with(as("alice", "APPROVER")));
		assertThat(list).contains("id=\"for-me-" + id + "\"");
		assertThat(html(get(page).with(as("alice", "APPROVER")))).contains("id=\"approve\"")
			.contains("id=\"approval-count\">0/1<");

		mvc.perform(post(page + "/approve").with(as("alice", "APPROVER")).param("note", "ok"))
			.andExpect(status().is3xxRedirection());
		String approved = html(get(page).with(as("olga", "OPERATOR")));
		assertThat(approved).contains("id=\"approval-count\">1/1<").contains("id=\"confirm-" + account + "\"");

		mvc.perform(post(page + "/accounts/" + account + "/grant").with(as("olga", "OPERATOR")).param("note", "done"))
			.andExpect(status().is3xxRedirection());
		String granted = html(get(page).with(as("auditor", "AUDITOR")));
		assertThat(granted).contains("grant-GRANTED")
			.doesNotContain("id=\"confirm-" + account + "\"")
			.contains("access-request.granted");
	}

	@Test
	void theFormShowsWhatWasRefusedAndKeepsWhatWasTyped() throws Exception {
		String html = mvc
			.perform(post("/access/requests").with(as("erin", "ENGINEER"))
				.param("kind", "PERMISSION_SET")
				.param("entitlement", "NoSuchSet")
				.param("accounts", account)
				.param("reason", "kept reason"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("entitlement: there is no permission set named").contains("kept reason");
	}

	@Test
	void theApiAnswersRefusalsWithProblems() throws Exception {
		mvc.perform(post("/api/v1/access/requests").with(as("erin", "ENGINEER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"PERMISSION_SET\",\"entitlement\":\"ReadOnly\",\"accounts\":[\"" + account
					+ "\"],\"reason\":\"r\",\"ticketUrl\":\"http://example.com/1\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("ticketUrl"));

		var body = mvc
			.perform(post("/api/v1/access/requests").with(as("erin", "ENGINEER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"PERMISSION_SET\",\"entitlement\":\"AdministratorAccess\",\"accounts\":[\""
						+ account + "\"],\"reason\":\"break glass\",\"until\":\"" + NOW.plus(Duration.ofHours(4))
						+ "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.approvalsNeeded").value(2))
			.andExpect(jsonPath("$.until").value(NOW.plus(Duration.ofHours(4)).toString()))
			.andExpect(jsonPath("$.grants[0].accountId").value(account))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = body.replaceAll("(?s)^\\{\"id\":([0-9]+),.*", "$1");
		String path = "/api/v1/access/requests/" + id;

		mvc.perform(post(path + "/approve").with(as("ann", "APPROVER")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PENDING"));
		mvc.perform(post(path + "/approve").with(as("ann", "APPROVER"))).andExpect(status().isConflict());
		mvc.perform(post(path + "/reject").with(as("bob", "APPROVER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("note"));
		mvc.perform(post(path + "/withdraw").with(as("olga", "OPERATOR"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/access/requests/999999999").with(as("auditor", "AUDITOR")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/access/requests").param("state", "pending").with(as("auditor", "AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")].privileged").value(true));
	}

	private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static RequestPostProcessor as(String name, String role) {
		RequestPostProcessor user = user(name).roles(role);
		return request -> csrf().postProcessRequest(user.postProcessRequest(request));
	}

}
