package io.soc2ops.web;

import static io.soc2ops.policies.PolicyFixtures.ADMIN;
import static io.soc2ops.policies.PolicyFixtures.APPROVER;
import static io.soc2ops.policies.PolicyFixtures.AUDITOR;
import static io.soc2ops.policies.PolicyFixtures.AUTHOR;
import static io.soc2ops.policies.PolicyFixtures.SECOND_APPROVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.PolicyFixtures;
import io.soc2ops.policies.VulnerabilityPolicies;
import io.soc2ops.policies.VulnerabilityPolicyDocument;

/**
 * The policy API: drafts from JSON and from the YAML file, approval by a second person
 * with the APPROVER role, the version in force, and refusals as problem details that name
 * the field and change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PoliciesApiTests {

	static final String BASE = "/api/v1/policies/vulnerability";

	static final String JSON = """
			{"effectiveFrom": "2026-01-01",
			 "sla": {"CRITICAL": 1, "HIGH": 7, "MEDIUM": 30, "LOW": 90, "INFORMATIONAL": "none"},
			 "scope": {"accounts": ["111122223333"], "resourceTypes": []},
			 "notes": "Reference SLA."}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	VulnerabilityPolicies policies;

	final Map<String, String> keys = new HashMap<>();

	@BeforeEach
	void people() {
		PolicyFixtures.noVersions(jdbc);
		PolicyFixtures.people(users);
		for (String name : java.util.List.of(AUTHOR, APPROVER, SECOND_APPROVER, ADMIN, AUDITOR)) {
			keys.put(name, tokens.issue(Username.of(name), "policies", Actor.system("test")).secret());
		}
	}

	@Test
	void aDraftFromJsonComesIntoForceWhenASecondPersonApprovesIt() throws Exception {
		as(APPROVER, post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON)).andExpect(status().isCreated())
			.andExpect(header().string("Location", BASE + "/1"))
			.andExpect(jsonPath("$.state").value("DRAFT"))
			.andExpect(jsonPath("$.sla.HIGH").value(7))
			.andExpect(jsonPath("$.sla.INFORMATIONAL").value("none"))
			.andExpect(jsonPath("$.draftedBy").value("user:" + APPROVER))
			.andExpect(jsonPath("$.source").value("api"));
		as(AUDITOR, get(BASE + "/in-force")).andExpect(status().isNotFound());

		as(APPROVER, post(BASE + "/1/approve")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"))
			.andExpect(jsonPath("$.detail").value("version 1 was drafted by policy-approver; its author may not "
					+ "approve or reject it, another approver must; nothing was changed"));
		String sha256 = policies.version(1).orElseThrow().sha256();
		as(SECOND_APPROVER,
				post(BASE + "/1/approve").contentType(MediaType.APPLICATION_JSON)
					.content("{\"sha256\": \"" + sha256 + "\", \"note\": \"ok\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"))
			.andExpect(jsonPath("$.standing").value("IN_FORCE"))
			.andExpect(jsonPath("$.decidedBy").value("user:" + SECOND_APPROVER));

		as(AUDITOR, get(BASE + "/in-force")).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.approvedBy").value(SECOND_APPROVER))
			.andExpect(jsonPath("$.slaDays.CRITICAL").value(1))
			.andExpect(jsonPath("$.accounts[0]").value("111122223333"))
			.andExpect(jsonPath("$.sha256").value(sha256));
		as(SECOND_APPROVER, post(BASE + "/1/approve")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("version 1 is APPROVED already")));
	}

	@Test
	void thePolicyFileIsImportedAsADraftAndItsExactTextServed() throws Exception {
		String file = Files.readString(Path.of("policies/vulnerability-management.yaml"));

		as(AUTHOR, post(BASE).contentType("application/yaml").content(file)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("api:yaml"))
			.andExpect(jsonPath("$.effectiveFrom").value("2026-12-01"));

		String text = as(AUDITOR, get(BASE + "/1/text")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/yaml"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(VulnerabilityPolicyDocument.sha256(text)).isEqualTo(policies.version(1).orElseThrow().sha256());
		assertThat(VulnerabilityPolicyDocument.readYaml(text)).isEqualTo(VulnerabilityPolicyDocument.readYaml(file));
		as(AUDITOR, get(BASE + "/1")).andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value(text))
			.andExpect(jsonPath("$.changesFromInForce.against").doesNotExist())
			.andExpect(jsonPath("$.changesFromInForce.sla.length()").value(5));
		as(AUDITOR, get(BASE)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.paths['" + BASE + "'].post.requestBody.content['application/yaml']").exists())
			.andExpect(jsonPath("$.paths['" + BASE + "/{version}/approve']").exists());
	}

	@Test
	void aDraftShowsWhichSeveritiesItChanges() throws Exception {
		as(AUTHOR, post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON)).andExpect(status().isCreated());
		as(APPROVER, post(BASE + "/1/approve")).andExpect(status().isOk());
		as(AUTHOR,
				post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON.replace("\"HIGH\": 7", "\"HIGH\": 5")))
			.andExpect(status().isCreated());

		as(AUDITOR, get(BASE + "/2")).andExpect(jsonPath("$.changesFromInForce.against").value(1))
			.andExpect(jsonPath("$.changesFromInForce.sla.length()").value(1))
			.andExpect(jsonPath("$.changesFromInForce.sla[0].severity").value("HIGH"))
			.andExpect(jsonPath("$.changesFromInForce.sla[0].from").value(7))
			.andExpect(jsonPath("$.changesFromInForce.sla[0].to").value(5))
			.andExpect(jsonPath("$.changesFromInForce.sla[0].tighter").value(true));
	}

	@Test
	void onlyApproversDecideAndAuditorsOnlyRead() throws Exception {
		as(AUTHOR, post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON)).andExpect(status().isCreated());

		as(ADMIN, post(BASE + "/1/approve")).andExpect(status().isForbidden());
		as(AUTHOR, post(BASE + "/1/reject")).andExpect(status().isForbidden());
		as(AUDITOR, post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON)).andExpect(status().isForbidden());
		as(AUDITOR, get(BASE + "/1")).andExpect(status().isOk()).andExpect(jsonPath("$.version.state").value("DRAFT"));
		assertThat(policies.history()).hasSize(1);
	}

	@Test
	void badInputIsAProblemNamingTheFieldAndNothingChanges() throws Exception {
		long entries = ledger.size();

		as(AUTHOR, post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON.replace("\"LOW\"", "\"URGENT\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Invalid policy"))
			.andExpect(jsonPath("$.field").value("sla.URGENT"))
			.andExpect(jsonPath("$.detail").value("sla.URGENT: unknown severity; the severities are CRITICAL, HIGH, "
					+ "MEDIUM, LOW, INFORMATIONAL; nothing was changed"));
		as(AUTHOR,
				post(BASE).contentType("application/yaml")
					.content("effectiveFrom: 2026-01-01\nsla:\n  CRITICAL: 1\n  HIGH: -3\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("sla.HIGH"))
			.andExpect(jsonPath("$.detail").value(
					"line 4: sla.HIGH: must be a whole number of days from 1 to 3650, or none; was -3; nothing was changed"));
		as(AUTHOR, post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON.replace("111122223333", "12")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("scope.accounts[0]"));
		as(AUTHOR, post(BASE).contentType("application/yaml").content("a: &x [1]\nb: *x\n"))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("anchors (&x) are not allowed")));
		as(AUTHOR,
				post(BASE).contentType("application/yaml")
					.content("# " + "x".repeat(VulnerabilityPolicyDocument.MAX_BYTES) + "\n"))
			.andExpect(status().isContentTooLarge());
		as(AUTHOR, post(BASE).contentType(MediaType.TEXT_PLAIN).content(JSON)).andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Content-Type: send the policy as")));
		as(AUTHOR, post(BASE).contentType("application/yaml").content(new byte[] { (byte) 0xC3, (byte) 0x28 }))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("the request body is not UTF-8 text"));
		as(APPROVER, post(BASE + "/7/approve")).andExpect(status().isNotFound());

		assertThat(policies.history()).isEmpty();
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void aRejectionNeedsAReason() throws Exception {
		as(AUTHOR, post(BASE).contentType(MediaType.APPLICATION_JSON).content(JSON)).andExpect(status().isCreated());

		as(APPROVER, post(BASE + "/1/reject").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		as(APPROVER, post(BASE + "/1/reject").contentType(MediaType.APPLICATION_JSON).content("{\"why\": \"x\"}"))
			.andExpect(status().isBadRequest());
		as(APPROVER,
				post(BASE + "/1/reject").contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\": \"LOW should stay at 90 days\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.decisionNote").value("LOW should stay at 90 days"));
	}

	private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + keys.get(username)));
	}

}
