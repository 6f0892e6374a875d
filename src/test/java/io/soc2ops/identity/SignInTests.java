package io.soc2ops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * Form sign-in for people, bearer tokens for the API, and what every response carries. No
 * controllers exist yet, so an authenticated request may well end in 404: what matters
 * here is that it got past security.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvidenceLedger ledger;

	@Test
	void signingInWithTheRightPasswordRedirectsAndIsRecorded() throws Exception {
		user("nora", Role.ENGINEER);

		signIn("nora", PASSWORD).andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername("nora").withRoles("ENGINEER"));

		var entries = ledger.about("user:nora", 10);
		assertThat(entries).extracting(EvidenceEntry::action).containsExactly("user.signed-in", "user.created");
		var signedIn = entries.getFirst();
		assertThat(signedIn.actor()).isEqualTo(Actor.user("nora"));
		assertThat(signedIn.module()).isEqualTo("identity");
		assertThat(signedIn.payload()).isEqualTo("{\"remoteAddress\":\"127.0.0.1\"}");
	}

	@Test
	void signingInGivesTheSessionANewId() throws Exception {
		user("oscar", Role.ENGINEER);
		var session = new MockHttpSession();
		String before = session.getId();

		var result = mvc.perform(
				post("/signin").session(session).param("username", "oscar").param("password", PASSWORD).with(csrf()))
			.andExpect(authenticated())
			.andReturn();

		assertThat(result.getRequest().getSession(false)).isNotNull();
		assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(before);
	}

	@Test
	void aWrongPasswordIsRefusedAndRecorded() throws Exception {
		user("paula", Role.ENGINEER);

		signIn("paula", "not the password at all").andExpect(status().isFound())
			.andExpect(redirectedUrl("/signin?error"))
			.andExpect(unauthenticated());

		var entries = ledger.about("user:paula", 10);
		assertThat(entries).extracting(EvidenceEntry::action).containsExactly("user.sign-in-failed", "user.created");
		assertThat(entries.getFirst().actor()).isEqualTo(Actor.system("sign-in"));
		assertThat(entries.getFirst().payload()).isEqualTo("{\"remoteAddress\":\"127.0.0.1\"}");
	}

	@Test
	void afterFiveFailedSignInsEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
		user("quentin", Role.ENGINEER);
		for (int attempt = 1; attempt <= 5; attempt++) {
			signIn("quentin", "guess number " + attempt).andExpect(unauthenticated());
		}

		signIn("quentin", PASSWORD).andExpect(redirectedUrl("/signin?error")).andExpect(unauthenticated());
		user("ulla", Role.ENGINEER);
		signIn("ulla", PASSWORD).andExpect(authenticated());
		assertThat(ledger.about("user:quentin", 10)).extracting(EvidenceEntry::action)
			.filteredOn("user.sign-in-failed"::equals)
			.hasSize(6);
	}

	@Test
	void anUnknownUserIsRefusedLikeAWrongPasswordAndRecorded() throws Exception {
		signIn("ghost", PASSWORD).andExpect(redirectedUrl("/signin?error")).andExpect(unauthenticated());

		assertThat(ledger.about("user:ghost", 10)).extracting(EvidenceEntry::action)
			.containsExactly("user.sign-in-failed");
	}

	@Test
	void whateverWasTypedAsUsernameIsRecordedOnlyInPrintableForm() throws Exception {
		signIn("<script>alert(1)</script>", PASSWORD).andExpect(redirectedUrl("/signin?error"));

		assertThat(ledger.about("user:?script?alert?1???script?", 10)).extracting(EvidenceEntry::action)
			.containsExactly("user.sign-in-failed");
	}

	@Test
	void aDisabledUserCannotSignIn() throws Exception {
		user("quinn", Role.ENGINEER);
		users.disable(Username.of("quinn"), Actor.user("admin"));

		signIn("quinn", PASSWORD).andExpect(redirectedUrl("/signin?error")).andExpect(unauthenticated());

		assertThat(ledger.about("user:quinn", 1)).extracting(EvidenceEntry::action)
			.containsExactly("user.sign-in-failed");
	}

	@Test
	void aFormPostWithoutAValidCsrfTokenIsRefused() throws Exception {
		user("rita", Role.ADMIN);

		mvc.perform(post("/signin").param("username", "rita").param("password", PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		mvc.perform(
				post("/signin").param("username", "rita").param("password", PASSWORD).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());

		assertThat(ledger.about("user:rita", 10)).extracting(EvidenceEntry::action).containsExactly("user.created");
	}

	@Test
	void theUiSendsAnonymousVisitorsToSignIn() throws Exception {
		mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
		mvc.perform(get("/controls")).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void theApiWithoutATokenAnswers401AsProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/anything"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Sign-in required"));
	}

	@Test
	void theApiWithAnUnknownTokenAnswers401() throws Exception {
		mvc.perform(get("/api/v1/anything").header(HttpHeaders.AUTHORIZATION, "Bearer s2o_xxx"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
		mvc.perform(get("/actuator/health").header(HttpHeaders.AUTHORIZATION, "Bearer s2o_xxx"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theApiWithAValidTokenIsAuthenticated() throws Exception {
		user("sam", Role.AUDITOR);
		String secret = token("sam");

		mvc.perform(get("/api/v1/anything").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/anything").header(HttpHeaders.AUTHORIZATION, "bearer " + secret))
			.andExpect(status().isNotFound());
	}

	@Test
	void theActuatorIsForAdminsAndOperatorsOnly() throws Exception {
		user("tara", Role.ADMIN);
		user("ursula", Role.AUDITOR);
		String admin = token("tara");
		String auditor = token("ursula");

		mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
			.andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + auditor))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void aRevokedTokenIsRefusedByTheApi() throws Exception {
		user("vera", Role.ADMIN);
		var issued = tokens.issue(Username.of("vera"), "ci", Actor.user("vera"));
		tokens.revoke(issued.token().id(), Actor.user("vera"), false);

		mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aSignedInBrowserSessionDoesNotAuthenticateTheApi() throws Exception {
		user("walt", Role.ADMIN);
		var session = (MockHttpSession) signIn("walt", PASSWORD).andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);

		mvc.perform(get("/api/v1/anything").session(session)).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").session(session)).andExpect(status().isUnauthorized());
		// while the same session is signed in for the UI
		mvc.perform(get("/").session(session)).andExpect(authenticated().withUsername("walt"));
	}

	@Test
	void uiResponsesCarrySecurityHeaders() throws Exception {
		mvc.perform(get("/signin"))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("default-src 'self'"), containsString("script-src 'self'"),
							containsString("frame-ancestors 'none'"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void apiResponsesCarrySecurityHeaders() throws Exception {
		mvc.perform(get("/api/v1/anything"))
			.andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	private ResultActions signIn(String username, String password) throws Exception {
		return mvc.perform(post("/signin").param("username", username).param("password", password).with(csrf()));
	}

	private void user(String name, Role... roles) {
		users.create(Username.of(name), name, Set.of(roles), PASSWORD, Actor.user("admin"));
	}

	private String token(String owner) {
		return tokens.issue(Username.of(owner), "test", Actor.user(owner)).secret();
	}

}
