package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.soc2ops.MovableClock;
import io.soc2ops.access.AccessRequestDraft;
import io.soc2ops.access.AccessRequestKind;
import io.soc2ops.access.AccessRequestState;
import io.soc2ops.access.AccessRequestContext;
import io.soc2ops.access.AccessRequestTestSupport;
import io.soc2ops.access.AccessRequests;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Users;

/**
 * Revoking on the request's page and through the API: the button only for those who may
 * revoke an approved request; a revocation without a reason is refused and shown; the API
 * answers 400 naming the field, 403 and 409. Shares the {@code access-requests} context.
 */
@AccessRequestContext
class RevocationPagesTests {

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
	void anApproverRevokesOnThePageWhichShowsTheButtonOnlyToThoseWhoMay() throws Exception {
		long id = approved();
		String page = "/access/requests/" + id;
		assertThat(html(get(page).with(as("erin", "ENGINEER")))).doesNotContain("id=\"revoke\"");
		assertThat(html(get(page).with(as("auditor", "AUDITOR")))).doesNotContain("id=\"revoke\"");
		assertThat(html(get(page).with(as("olga", "OPERATOR")))).contains("id=\"revoke\"");
		assertThat(html(get(page).with(as("alice", "APPROVER")))).contains("id=\"revoke\"")
			.contains("a removal opens for each account");

		mvc.perform(post(page + "/revoke").with(as("alice", "APPROVER")).param("reason", " "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "reason: is required: say why the access is revoked"));
		assertThat(requests.find(id).orElseThrow().state()).isEqualTo(AccessRequestState.APPROVED);
		mvc.perform(post(page + "/revoke").with(as("erin", "ENGINEER")).param("reason", "mine"))
			.andExpect(status().isForbidden());

		mvc.perform(post(page + "/revoke").with(as("alice", "APPROVER")).param("reason", "the incident is over"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "revoked"));
		String revoked = html(get(page).with(as("alice", "APPROVER")));
		assertThat(revoked).contains("astate-REVOKED")
			.doesNotContain("id=\"revoke\"")
			.contains("access-request.revoked")
			.contains("grant-ENDED");
	}

	@Test
	void theApiRevokesAndAnswersRefusalsWithProblems() throws Exception {
		long id = approved();
		String path = "/api/v1/access/requests/" + id + "/revoke";

		mvc.perform(post(path).with(as("olga", "OPERATOR")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		mvc.perform(post(path).with(as("erin", "ENGINEER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"mine\"}")).andExpect(status().isForbidden());
		mvc.perform(post(path).with(as("olga", "OPERATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"left the team\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REVOKED"))
			.andExpect(jsonPath("$.grants[0].state").value("ENDED"));
		mvc.perform(post(path).with(as("olga", "OPERATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"again\"}")).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/access/requests/999999999/revoke").with(as("olga", "OPERATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"gone\"}")).andExpect(status().isNotFound());
	}

	private long approved() {
		var requested = requests.request(new AccessRequestDraft(null, AccessRequestKind.PERMISSION_SET, "ReadOnly",
				List.of(account), "to look at the failed deployment", null, null), Actor.user("erin"));
		requests.approve(requested.id(), null, Actor.user("alice"));
		return requested.id();
	}

	private String html(RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static RequestPostProcessor as(String name, String role) {
		RequestPostProcessor user = user(name).roles(role);
		return request -> csrf().postProcessRequest(user.postProcessRequest(request));
	}

}
