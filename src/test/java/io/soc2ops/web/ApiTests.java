package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * The REST API end to end with a real token: what it returns, and how it refuses bad
 * input without storing anything.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvidenceLedger ledger;

	String operator;

	@BeforeEach
	void operatorWithAToken() {
		var name = Username.of("api-operator");
		if (users.find(name).isEmpty()) {
			users.create(name, "API Operator", Set.of(Role.OPERATOR), "a-long-enough-password", Actor.system("test"));
		}
		operator = tokens.issue(name, "api tests", Actor.system("test")).secret();
	}

	@Test
	void listsEveryCriterionWithItsStatus() throws Exception {
		mvc.perform(authorized(get("/api/v1/criteria")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(61))
			.andExpect(jsonPath("$[0].id").value("CC1.1"))
			.andExpect(jsonPath("$[?(@.id == 'P1.1')].status").value("NO_DATA"));
	}

	@Test
	void recordsAControlTestAndTheCriterionReflectsIt() throws Exception {
		long before = ledger.size();
		mvc.perform(authorized(post("/api/v1/controls/AVL-03/tests")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"FAILED\",\"evidenceFor\":\"2026-11-01\",\"note\":\"restore took 6 h, RTO 4 h\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.outcome").value("FAILED"))
			.andExpect(jsonPath("$.by").value("user:api-operator"))
			.andExpect(jsonPath("$.ledgerSequence").value(before + 1));

		mvc.perform(authorized(get("/api/v1/criteria/A1.3")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criterion.status").value("FAILING"));
		mvc.perform(authorized(get("/api/v1/ledger/verification")))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.verified").value(before + 1));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					not JSON                  | {"outcome": "PASSED",                                              | not valid JSON
					unknown field             | {"outcome":"PASSED","evidenceFor":"2026-11-01","approvedBy":"me"} | approvedBy
					wrong type                | {"outcome":["PASSED"],"evidenceFor":"2026-11-01"}                | outcome
					missing field             | {"outcome":"PASSED"}                                              | evidenceFor
					unknown outcome           | {"outcome":"MAYBE","evidenceFor":"2026-11-01"}                    | outcome must be PASSED or FAILED
					bad date                  | {"outcome":"PASSED","evidenceFor":"01/11/2026"}                   | evidenceFor must be a date
					future date               | {"outcome":"PASSED","evidenceFor":"2999-01-01"}                   | future
					hostile note              | {"outcome":"PASSED","evidenceFor":"2026-11-01","note":"NOTE_TOO_LONG"} | note is longer than 2000
					""")
	void refusesBadInputNamingTheFieldAndStoresNothing(String name, String body, String expected) throws Exception {
		long before = ledger.size();
		String content = body.replace("NOTE_TOO_LONG", "<script>alert(1)</script>".repeat(100));

		var response = mvc
			.perform(authorized(post("/api/v1/controls/ACC-01/tests")).contentType(MediaType.APPLICATION_JSON)
				.content(content))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isIn(400, 422);
		assertThat(response.getContentAsString()).contains(expected);
		assertThat(ledger.size()).isEqualTo(before);
	}

	@Test
	void anUnknownRecordIsNotFoundNotAnError() throws Exception {
		mvc.perform(authorized(get("/api/v1/criteria/CC99.1"))).andExpect(status().isNotFound());
		mvc.perform(authorized(get("/api/v1/criteria/CC6.9"))).andExpect(status().isNotFound());
		mvc.perform(authorized(get("/api/v1/controls/NOPE-01"))).andExpect(status().isNotFound());
		mvc.perform(authorized(get("/api/v1/ledger/entries/999999"))).andExpect(status().isNotFound());
		mvc.perform(authorized(post("/api/v1/controls/NOPE-01/tests")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"PASSED\",\"evidenceFor\":\"2026-11-01\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("no control NOPE-01"));
	}

	@Test
	void anIssuedTokenIsShownOnceAndListedWithoutItsSecret() throws Exception {
		var issued = mvc
			.perform(authorized(post("/api/v1/tokens")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"laptop\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = issued.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
		assertThat(secret).startsWith("s2o_");

		String listed = mvc.perform(authorized(get("/api/v1/tokens"))).andReturn().getResponse().getContentAsString();
		assertThat(listed).contains("laptop").doesNotContain(secret);
		mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(jsonPath("$.username").value("api-operator"));
	}

	@Test
	void servesAnOpenApiDescriptionOfTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/criteria']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/ledger/verification']").exists());
	}

	private MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + operator);
	}

}
