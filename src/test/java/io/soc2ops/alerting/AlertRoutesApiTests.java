package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Routes through the REST API: the webhook URL goes in and never comes out (not in a
 * response, not in a column, not in the ledger); every change is in the ledger; bad input
 * is refused naming the field, with nothing stored; a test message says what became of
 * it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertRoutesApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertRoutes routes;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	final SlackReceiver slack = SlackReceiver.start();

	final String name = "api-" + UUID.randomUUID().toString().substring(0, 8);

	String operatorKey;

	@BeforeEach
	void key() {
		var username = Username.of("routes-operator");
		if (users.find(username).isEmpty()) {
			users.create(username, "Routes operator", Set.of(Role.OPERATOR), "a-long-enough-password",
					Actor.system("test"));
		}
		operatorKey = tokens.issue(username, "routes", Actor.system("test")).secret();
	}

	@AfterEach
	void stop() {
		slack.close();
	}

	@Test
	void aCreatedRouteIsReadWithAHintAndNeverWithItsUrl() throws Exception {
		String created = api(post("/api/v1/alert-routes").content("""
				{"name": "%s", "webhookUrl": "%s"}""".formatted(name, slack.webhookUrl())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("SLACK_WEBHOOK"))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.createdBy").value("user:routes-operator"))
			.andExpect(jsonPath("$.webhookUrlHint").value(slack.url("/services/T…/…/…") + secretToken().substring(20)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String one = api(get("/api/v1/alert-routes/" + name)).andExpect(status().isOk())
			.andExpect(jsonPath("$.health.permanentError").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String all = api(get("/api/v1/alert-routes")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(List.of(created, one, all)).noneMatch(body -> body.contains(secretToken()));
		assertThat(all).contains("\"name\":\"" + name + "\"");
	}

	@Test
	void theUrlIsStoredOnlySealedAndTheLedgerHoldsItsHint() throws Exception {
		api(post("/api/v1/alert-routes").content("""
				{"name": "%s", "webhookUrl": "%s", "enabled": false}""".formatted(name, slack.webhookUrl())))
			.andExpect(status().isCreated());
		api(put("/api/v1/alert-routes/" + name).content("{\"enabled\": true}")).andExpect(status().isOk());
		api(put("/api/v1/alert-routes/" + name).content("""
				{"webhookUrl": "%s"}""".formatted(slack.url("/services/T0LOCAL00/B0LOCAL00/replaced-0123456789abc"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.webhookUrlHint").value(slack.url("/services/T…/…/…9abc")))
			.andExpect(jsonPath("$.version").value(3));

		Map<String, Object> row = jdbc.sql("SELECT * FROM alert_route WHERE name = :name")
			.param("name", name)
			.query()
			.singleRow();
		assertThat(row.values()).extracting(String::valueOf)
			.noneMatch(value -> value.contains(secretToken()) || value.contains("replaced-0123456789abc"));
		List<EvidenceEntry> entries = ledger.about("alert-route:" + name, 10);
		assertThat(entries).extracting(EvidenceEntry::action)
			.containsExactlyInAnyOrder("alert-route.created", "alert-route.enabled", "alert-route.changed");
		assertThat(entries).extracting(EvidenceEntry::payload)
			.allMatch(payload -> payload.contains("webhookUrlHint"))
			.noneMatch(payload -> payload.contains(secretToken()) || payload.contains("replaced-0123456789abc"));
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		long before = ledger.size();
		String url = slack.webhookUrl();

		refused(post("/api/v1/alert-routes").content("""
				{"name": "no spaces", "webhookUrl": "%s"}""".formatted(url)), "name: must be 1-64 letters");
		refused(post("/api/v1/alert-routes").content("""
				{"name": "%s", "webhookUrl": "https://example.com/services/T1/B2/%s"}""".formatted(name,
				secretToken())), "webhookUrl: must be a Slack incoming webhook URL");
		refused(post("/api/v1/alert-routes").content("""
				{"name": "%s"}""".formatted(name)), "webhookUrl: is required");
		refused(post("/api/v1/alert-routes").content("""
				{"name": "%s", "webhookUrl": "%s", "channel": "#security"}""".formatted(name, url)), "field 'channel'");
		refused(post("/api/v1/alert-routes").content("""
				{"name": "%s", "webhookUrl": "%s", "enabled": {"yes": 1}}""".formatted(name, url)), "field 'enabled'");

		assertThat(routes.find(name)).isEmpty();
		assertThat(ledger.size()).isEqualTo(before);
	}

	@Test
	void aNameIsTakenOnceAndAChangeToAMissingRouteIsNotFound() throws Exception {
		routes.create(name, slack.webhookUrl(), true, Actor.user("routes-operator"));

		refused(post("/api/v1/alert-routes").content("""
				{"name": "%s", "webhookUrl": "%s"}""".formatted(name, slack.webhookUrl())),
				"name: a route named " + name + " exists already; nothing was changed");
		api(put("/api/v1/alert-routes/no-such-route").content("{\"enabled\": false}")).andExpect(status().isNotFound());
		api(post("/api/v1/alert-routes/no-such-route/test")).andExpect(status().isNotFound());
	}

	@Test
	void aTestMessageIsPostedEvenToADisabledRouteAndSaysWhatBecameOfIt() throws Exception {
		routes.create(name, slack.webhookUrl(), false, Actor.user("routes-operator"));

		api(post("/api/v1/alert-routes/" + name + "/test")).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("POSTED"))
			.andExpect(jsonPath("$.detail").value(""));
		slack.answer(403);
		api(post("/api/v1/alert-routes/" + name + "/test")).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("PERMANENT"))
			.andExpect(jsonPath("$.detail").value("Slack answered HTTP 403: action_prohibited"));
		slack.answer(429, "12");
		api(post("/api/v1/alert-routes/" + name + "/test")).andExpect(jsonPath("$.result").value("RETRY"))
			.andExpect(jsonPath("$.retryAfterSeconds").value(12));

		assertThat(slack.delivered()).singleElement()
			.asString()
			.contains("\"blocks\":[{\"type\":\"section\"")
			.contains("Test message from soc2ops for route " + name);
		assertThat(ledger.about("alert-route:" + name, 10)).extracting(EvidenceEntry::action)
			.containsExactlyInAnyOrder("alert-route.created", "alert-route.tested", "alert-route.tested",
					"alert-route.tested");
	}

	private void refused(MockHttpServletRequestBuilder request, String detail) throws Exception {
		String body = api(request).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(body).contains(detail).doesNotContain(secretToken());
	}

	private ResultActions api(MockHttpServletRequestBuilder request) throws Exception {
		return mvc
			.perform(request.header("Authorization", "Bearer " + operatorKey).contentType(MediaType.APPLICATION_JSON));
	}

	private String secretToken() {
		return slack.webhookPath().substring(slack.webhookPath().lastIndexOf('/') + 1);
	}

}
