package io.soc2ops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.VersionStanding;
import io.soc2ops.policies.VulnerabilityPolicies;
import io.soc2ops.policies.VulnerabilityPolicyTerms;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.RiskAcceptance;
import io.soc2ops.vulnerabilities.RiskAcceptances;
import io.soc2ops.vulnerabilities.Vulnerabilities;
import io.soc2ops.vulnerabilities.Vulnerability;
import io.soc2ops.vulnerabilities.VulnerabilityFilter;
import io.soc2ops.vulnerabilities.VulnerabilityStatus;

/**
 * The demo's policy: version 1 with the reference deadlines, drafted by one person and
 * approved by another, and version 2 waiting; the demo's approver, whose password is
 * printed once to the console, signs in and approves version 2 as a second person, which
 * moves the demo's vulnerabilities under it; she grants the exception waiting for her,
 * and the period report shows vulnerabilities fixed within the SLA, fixed late, overdue
 * and excepted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "soc2ops.demo.enabled=true")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class DemoPoliciesTests {

	static final Pattern PRINTED = Pattern.compile("sign in as '" + DemoPolicies.APPROVER
			+ "' \\(APPROVER\\)\\s+with this password \\(shown only now\\):\\s+(\\S+)");

	@Autowired
	VulnerabilityPolicies policies;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Autowired
	ApiTokens tokens;

	@Autowired
	RiskAcceptances exceptions;

	@Autowired
	Vulnerabilities vulnerabilities;

	@Test
	void versionOneIsInForceApprovedByASecondPersonAndTheApproverApprovesVersionTwo(CapturedOutput output)
			throws Exception {
		var history = policies.history();
		assertThat(history).hasSize(2);
		var first = history.getLast();
		var second = history.getFirst();
		assertThat(first.standing()).isEqualTo(VersionStanding.IN_FORCE);
		assertThat(first.terms())
			.isEqualTo(VulnerabilityPolicyTerms.reference(first.terms().effectiveFrom(), first.terms().notes()));
		assertThat(first.draftedBy()).isEqualTo(Actor.user(DemoResponders.SECURITY_ENGINEER));
		assertThat(first.decision().by()).isEqualTo(Actor.user(DemoPolicies.APPROVER));
		assertThat(second.standing()).isEqualTo(VersionStanding.DRAFT);
		assertThat(second.terms().daysFor(VulnerabilitySeverity.HIGH)).contains(5);
		assertThat(users.find(Username.of(DemoPolicies.APPROVER)).orElseThrow().roles()).containsExactly(Role.APPROVER);

		var printed = PRINTED.matcher(output.getAll()).results().map(m -> m.group(1)).toList();
		assertThat(printed).hasSize(1);
		String password = printed.getFirst();
		assertThat(password).matches("[A-HJ-NP-Za-km-z2-9]{20}");
		assertThat(logFile()).doesNotContain(password);

		var session = (MockHttpSession) mvc
			.perform(post("/signin").param("username", DemoPolicies.APPROVER).param("password", password).with(csrf()))
			.andExpect(authenticated().withUsername(DemoPolicies.APPROVER).withRoles("APPROVER"))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/policies").session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"approve-" + second.version() + "\"")));
		mvc.perform(post("/policies/vulnerability/" + second.version() + "/approve").session(session)
			.with(csrf())
			.param("sha256", second.sha256())).andExpect(redirectedUrl("/policies/vulnerability/" + second.version()));

		assertThat(policies.version(second.version()).orElseThrow().standing()).isEqualTo(VersionStanding.IN_FORCE);
		// HIGH within 5 days instead of 7: the Looney Tunables finding first observed 6
		// days
		// and 6 hours ago was due soon under version 1 and is overdue under version 2
		await().atMost(Duration.ofSeconds(30)).until(() -> looneyTunables().policyVersion() == second.version());
		assertThat(looneyTunables().status()).isEqualTo(VulnerabilityStatus.OVERDUE);

		String token = "Bearer "
				+ tokens.issue(Username.of(DemoPolicies.APPROVER), "demo test", Actor.user(DemoPolicies.APPROVER))
					.secret();
		var waiting = exceptions.list(RiskAcceptance.State.REQUESTED, 10).getFirst();
		mvc.perform(post("/api/v1/vulnerabilities/exceptions/" + waiting.id() + "/approve")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"Backup script only; agreed.\"}")).andExpect(status().isOk());
		assertThat(exceptions.find(waiting.id()).orElseThrow().decidedBy()).isEqualTo("user:" + DemoPolicies.APPROVER);

		var today = LocalDate.now(ZoneOffset.UTC);
		String report = mvc
			.perform(get("/api/v1/vulnerabilities/report.csv").header(HttpHeaders.AUTHORIZATION, token)
				.param("from", today.minusDays(89).toString())
				.param("to", today.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var items = report.lines().filter(line -> line.startsWith("item,")).toList();
		assertThat(items).hasSize(23);
		assertThat(items).anySatisfy(line -> assertThat(line).contains(",fixed,yes,"))
			.anySatisfy(line -> assertThat(line).contains(",fixed,no,"))
			.anySatisfy(line -> assertThat(line).contains(",overdue,no,"))
			.anySatisfy(line -> assertThat(line).contains(",excepted,no,"))
			.anySatisfy(line -> assertThat(line).contains(",open,yes,"));
	}

	private Vulnerability looneyTunables() {
		return vulnerabilities.list(VulnerabilityFilter.ALL, 1, 500)
			.items()
			.stream()
			.filter(item -> "CVE-2023-4911".equals(item.cve()) && item.accountId().equals("777788889999")
					&& item.region().equals("ap-northeast-1"))
			.findFirst()
			.orElseThrow();
	}

	private String logFile() throws Exception {
		var file = Path.of(environment.getRequiredProperty("logging.file.name"));
		String thisProcess = "\"pid\":" + ProcessHandle.current().pid() + ",";
		return String.join("\n", Files.readAllLines(file).stream().filter(line -> line.contains(thisProcess)).toList());
	}

}
