package io.soc2ops.alerting;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.web.EventsApiFixtures;

/**
 * The people of the case tests, each with an API token, and alerts raised the way
 * EventBridge raises them: a GuardDuty finding (HIGH) pushed to {@code /api/v1/events}.
 */
public final class CaseFixtures {

	/** Who responds, by username: two admins, an operator, an engineer, an auditor. */
	public static final Map<String, Role> PEOPLE = Map.of("case-admin", Role.ADMIN, "case-admin2", Role.ADMIN,
			"case-operator", Role.OPERATOR, "case-engineer", Role.ENGINEER, "case-auditor", Role.AUDITOR);

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final Map<String, String> tokens = new HashMap<>();

	public CaseFixtures(MockMvc mvc, JdbcClient jdbc, Users users, ApiTokens apiTokens) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		PEOPLE.forEach((name, role) -> {
			var username = Username.of(name);
			if (users.find(username).isEmpty()) {
				users.create(username, "Case " + role, Set.of(role), "a-long-enough-password", Actor.system("test"));
			}
			tokens.put(name, apiTokens.issue(username, "cases", Actor.system("test")).secret());
		});
	}

	/** Raises one alert through the webhook and returns its ID. */
	public String raise() throws Exception {
		String eventId = UUID.randomUUID().toString();
		mvc.perform(post("/api/v1/events").header("X-Api-Key", tokens.get("case-operator"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(EventsApiFixtures.envelope(eventId,
					java.util.List.of(EventsApiFixtures.guardDuty(eventId, "2026-11-20T03:14:00.000Z")))))
			.andExpect(status().isOk());
		return jdbc.sql("SELECT id FROM alert WHERE event_id = :id").param("id", eventId).query(String.class).single();
	}

	/** POSTs a change to the alert's case as {@code who}, through the API. */
	public ResultActions change(String who, String alertId, String body) throws Exception {
		return mvc.perform(post("/api/v1/alerts/{id}/case", alertId).header(HttpHeaders.AUTHORIZATION, bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	public ResultActions read(String who, String alertId) throws Exception {
		return mvc.perform(get("/api/v1/alerts/{id}", alertId).header(HttpHeaders.AUTHORIZATION, bearer(who)));
	}

	private String bearer(String who) {
		return "Bearer " + tokens.get(who);
	}

}
