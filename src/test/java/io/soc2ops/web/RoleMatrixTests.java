package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Walks every endpoint the application maps with every role (and nobody) and compares who
 * gets through with the matrix below. A new endpoint without a row fails this test, so
 * nobody adds one without deciding who may call it. The observed matrix is written to
 * {@code target/role-matrix.md}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleMatrixTests {

	static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

	static final Set<Role> TEST_RECORDERS = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.ENGINEER);

	static final Set<Role> USER_READERS = EnumSet.of(Role.ADMIN, Role.AUDITOR);

	static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	/** Who may call what; {@code null} means anyone, signed in or not. */
	static final Map<String, @Nullable Set<Role>> EXPECTED = new LinkedHashMap<>();

	static {
		EXPECTED.put("GET /signin", null);
		EXPECTED.put("GET /error", null);
		for (String page : List.of("/", "/criteria/{id}", "/controls/{id}", "/catalog/controls",
				"/catalog/security-hub", "/ledger", "/ledger/verification", "/account")) {
			EXPECTED.put("GET " + page, EVERY_ROLE);
		}
		EXPECTED.put("POST /controls/{id}/tests", TEST_RECORDERS);
		EXPECTED.put("GET /admin/users", USER_READERS);
		EXPECTED.put("GET /schedules", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.AUDITOR));
		EXPECTED.put("POST /admin/users", ADMINS);
		EXPECTED.put("POST /admin/users/{username}/roles", ADMINS);
		EXPECTED.put("POST /admin/users/{username}/disable", ADMINS);
		EXPECTED.put("POST /account/password", EVERY_ROLE);
		EXPECTED.put("POST /account/tokens", EVERY_ROLE);
		EXPECTED.put("POST /account/tokens/{id}/revoke", EVERY_ROLE);
		for (String read : List.of("/criteria", "/criteria/{id}", "/controls", "/controls/{id}", "/controls/{id}/tests",
				"/securityhub-controls", "/accounts", "/ledger/entries", "/ledger/entries/{sequence}",
				"/ledger/verification", "/me", "/tokens")) {
			EXPECTED.put("GET /api/v1" + read, EVERY_ROLE);
		}
		EXPECTED.put("POST /api/v1/controls/{id}/tests", TEST_RECORDERS);
		EXPECTED.put("GET /api/v1/users", USER_READERS);
		EXPECTED.put("POST /api/v1/users", ADMINS);
		EXPECTED.put("PUT /api/v1/users/{username}/roles", ADMINS);
		EXPECTED.put("POST /api/v1/tokens", EVERY_ROLE);
		EXPECTED.put("DELETE /api/v1/tokens/{id}", EVERY_ROLE);
		EXPECTED.put("POST /api/v1/events", EnumSet.of(Role.ADMIN, Role.OPERATOR));
		for (String docs : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
				"/swagger-ui.html")) {
			EXPECTED.put("GET " + docs, null);
		}
		// findings: everyone reads them; importing needs Capability.IMPORT_FINDINGS
		for (String read : List.of("/findings", "/findings/{id}", "/findings/import", "/api/v1/findings",
				"/api/v1/findings/{id}", "/api/v1/posture", "/api/v1/posture/history")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		EXPECTED.put("POST /findings/import", EnumSet.of(Role.ADMIN, Role.OPERATOR));
		EXPECTED.put("POST /api/v1/findings/import", EnumSet.of(Role.ADMIN, Role.OPERATOR));
		// the AWS page maps the estate: those who run AWS and the auditor read it;
		// running
		// a check or a collection needs Capability.RUN_AWS
		for (String read : List.of("/aws", "/aws/activity", "/aws/policy.json")) {
			EXPECTED.put("GET " + read, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.AUDITOR));
		}
		EXPECTED.put("POST /aws/check", EnumSet.of(Role.ADMIN, Role.OPERATOR));
		EXPECTED.put("POST /aws/collect", EnumSet.of(Role.ADMIN, Role.OPERATOR));
		// alerting: everyone reads alerts and rules and may try an event against them;
		// changing a rule needs Capability.MANAGE_ALERT_RULES
		for (String read : List.of("/alerts", "/alerts/rules", "/alerts/rules/{name}", "/api/v1/alerts",
				"/api/v1/alert-rules", "/api/v1/alert-rules/{name}")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		EXPECTED.put("GET /demo/slack", EVERY_ROLE);
		EXPECTED.put("POST /alerts/rules/try", EVERY_ROLE);
		EXPECTED.put("POST /api/v1/alert-rules/try", EVERY_ROLE);
		for (String change : List.of("POST /alerts/rules", "POST /alerts/rules/{name}",
				"POST /alerts/rules/{name}/enable", "POST /alerts/rules/{name}/disable", "POST /api/v1/alert-rules",
				"PUT /api/v1/alert-rules/{name}")) {
			EXPECTED.put(change, EnumSet.of(Role.ADMIN, Role.OPERATOR));
		}
		// routes: everyone reads them (a read never holds the webhook URL); creating,
		// changing and testing one needs Capability.MANAGE_ALERT_ROUTES
		for (String read : List.of("/alerts/routes", "/api/v1/alert-routes", "/api/v1/alert-routes/{name}")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String change : List.of("POST /alerts/routes", "POST /alerts/routes/{name}/url",
				"POST /alerts/routes/{name}/enable", "POST /alerts/routes/{name}/disable",
				"POST /alerts/routes/{name}/test", "POST /api/v1/alert-routes", "PUT /api/v1/alert-routes/{name}",
				"POST /api/v1/alert-routes/{name}/test")) {
			EXPECTED.put(change, EnumSet.of(Role.ADMIN, Role.OPERATOR));
		}
		// an alert's case: everyone reads it; working it needs
		// Capability.RESPOND_TO_ALERTS
		for (String read : List.of("/alerts/{id}", "/api/v1/alerts/{id}")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String change : List.of("POST /alerts/{id}/case", "POST /api/v1/alerts/{id}/case")) {
			EXPECTED.put(change, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.ENGINEER));
		}
		// the delivery outbox: everyone sees it; retrying dead deliveries needs
		// Capability.MANAGE_ALERT_DELIVERIES
		for (String read : List.of("/alerts/deliveries", "/api/v1/alert-deliveries", "/api/v1/alert-deliveries/routes",
				"/api/v1/alert-deliveries/{id}")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String retry : List.of("/alerts/deliveries/{id}/retry", "/alerts/deliveries/retry",
				"/api/v1/alert-deliveries/{id}/retry", "/api/v1/alert-deliveries/retry")) {
			EXPECTED.put("POST " + retry, EnumSet.of(Role.ADMIN, Role.OPERATOR));
		}
		// policies: everyone reads them, the auditor first; drafting needs
		// Capability.DRAFT_POLICIES, approving and rejecting Capability.APPROVE_POLICIES
		for (String read : List.of("/policies", "/policies/vulnerability/{version}",
				"/policies/vulnerability/{version}/text", "/api/v1/policies/vulnerability",
				"/api/v1/policies/vulnerability/in-force", "/api/v1/policies/vulnerability/{version}",
				"/api/v1/policies/vulnerability/{version}/text")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String draft : List.of("/policies/vulnerability", "/api/v1/policies/vulnerability")) {
			EXPECTED.put("POST " + draft, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.APPROVER));
		}
		for (String decide : List.of("/policies/vulnerability/{version}/approve",
				"/policies/vulnerability/{version}/reject", "/api/v1/policies/vulnerability/{version}/approve",
				"/api/v1/policies/vulnerability/{version}/reject")) {
			EXPECTED.put("POST " + decide, EnumSet.of(Role.APPROVER));
		}
		// vulnerabilities: everyone reads them, their exceptions and the period report;
		// Capability.REQUEST_VULNERABILITY_EXCEPTIONS asks for an exception,
		// Capability.DECIDE_VULNERABILITY_EXCEPTIONS decides on one
		for (String read : List.of("/api/v1/vulnerabilities", "/api/v1/vulnerabilities/{id}",
				"/api/v1/vulnerabilities/counts", "/api/v1/vulnerabilities/policies",
				"/api/v1/vulnerabilities/report.csv", "/api/v1/vulnerabilities/exceptions",
				"/api/v1/vulnerabilities/exceptions/{id}")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String page : List.of("/vulnerabilities", "/vulnerabilities/group", "/vulnerabilities/accounts",
				"/vulnerabilities/teams", "/vulnerabilities/trends", "/vulnerabilities/{id}",
				"/vulnerabilities/exceptions", "/vulnerabilities/exceptions/new", "/vulnerabilities/report",
				"/vulnerabilities/report.csv")) {
			EXPECTED.put("GET " + page, EVERY_ROLE);
		}
		for (String request : List.of("/vulnerabilities/exceptions", "/api/v1/vulnerabilities/exceptions")) {
			EXPECTED.put("POST " + request, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.ENGINEER));
		}
		for (String decide : List.of("/vulnerabilities/exceptions/{id}/approve",
				"/vulnerabilities/exceptions/{id}/reject", "/api/v1/vulnerabilities/exceptions/{id}/approve",
				"/api/v1/vulnerabilities/exceptions/{id}/reject")) {
			EXPECTED.put("POST " + decide, EnumSet.of(Role.APPROVER));
		}
		// access requests: everyone reads them; Capability.REQUEST_ACCESS asks (and
		// withdraws one's own), Capability.DECIDE_ACCESS_REQUESTS decides,
		// Capability.GRANT_ACCESS confirms and retries grants
		for (String read : List.of("/access/requests", "/access/requests/new", "/access/requests/{id}",
				"/api/v1/access/requests", "/api/v1/access/requests/{id}")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String request : List.of("/access/requests", "/access/requests/{id}/withdraw", "/api/v1/access/requests",
				"/api/v1/access/requests/{id}/withdraw")) {
			EXPECTED.put("POST " + request, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.ENGINEER, Role.APPROVER));
		}
		for (String decide : List.of("/access/requests/{id}/approve", "/access/requests/{id}/reject",
				"/api/v1/access/requests/{id}/approve", "/api/v1/access/requests/{id}/reject")) {
			EXPECTED.put("POST " + decide, EnumSet.of(Role.APPROVER));
		}
		for (String grant : List.of("/access/requests/{id}/accounts/{account}/grant",
				"/access/requests/{id}/accounts/{account}/retry",
				"/api/v1/access/requests/{id}/accounts/{account}/grant",
				"/api/v1/access/requests/{id}/accounts/{account}/retry")) {
			EXPECTED.put("POST " + grant, EnumSet.of(Role.ADMIN, Role.OPERATOR));
		}
		// Capability.REVOKE_ACCESS revokes approved access
		for (String revoke : List.of("/access/requests/{id}/revoke", "/api/v1/access/requests/{id}/revoke")) {
			EXPECTED.put("POST " + revoke, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.APPROVER));
		}
		// access reviews: everyone reads campaigns, their items and evidence, and the
		// account owners; Capability.MANAGE_ACCESS_REVIEWS creates campaigns, assigns
		// items and sets owners; Capability.REVIEW_ACCESS decides on one's own items
		for (String read : List.of("/access/reviews", "/access/reviews/{id}", "/access/reviews/{id}/evidence",
				"/access/account-owners", "/api/v1/access/reviews", "/api/v1/access/reviews/{id}",
				"/api/v1/access/reviews/{id}/items", "/api/v1/access/reviews/{id}/reviewers",
				"/api/v1/access/reviews/{id}/evidence", "/api/v1/access/account-owners")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String manage : List.of("POST /access/reviews", "POST /access/reviews/{id}/reassign",
				"POST /api/v1/access/reviews", "POST /api/v1/access/reviews/{id}/reassign",
				"POST /access/account-owners", "POST /access/account-owners/{id}/remove",
				"PUT /api/v1/access/account-owners/{id}", "DELETE /api/v1/access/account-owners/{id}")) {
			EXPECTED.put(manage, EnumSet.of(Role.ADMIN, Role.OPERATOR));
		}
		for (String decide : List.of("/access/reviews/{id}/decisions", "/api/v1/access/reviews/{id}/decisions")) {
			EXPECTED.put("POST " + decide, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.APPROVER, Role.ENGINEER));
		}
		// people and offboardings: personal data, read by Capability.READ_PEOPLE; changed
		// by Capability.MANAGE_PEOPLE and RUN_OFFBOARDINGS
		for (String read : List.of("/access/people", "/access/people/{person}", "/api/v1/access/people",
				"/api/v1/access/people/{person}", "/access/offboardings", "/access/offboardings/{id}",
				"/api/v1/access/offboardings", "/api/v1/access/offboardings/{id}",
				"/api/v1/access/offboardings/{id}/candidates")) {
			EXPECTED.put("GET " + read, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.APPROVER, Role.AUDITOR));
		}
		for (String change : List.of("POST /access/people/{person}", "PUT /api/v1/access/people/{person}",
				"POST /access/offboardings", "POST /access/offboardings/{id}/holdings",
				"POST /access/offboardings/{id}/removals/{removal}/confirm", "POST /api/v1/access/offboardings",
				"POST /api/v1/access/offboardings/{id}/holdings",
				"POST /api/v1/access/offboardings/{id}/removals/{removal}/confirm")) {
			EXPECTED.put(change, EnumSet.of(Role.ADMIN, Role.OPERATOR));
		}
		EXPECTED.put("GET /api/v1/access/credential-findings", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.AUDITOR));
		// access: everyone reads who has access to what and the unapproved access;
		// Capability.MANAGE_ACCESS_EXCEPTIONS opens a removal and reconciles now
		for (String read : List.of("/access", "/access/exceptions", "/api/v1/access/holdings",
				"/api/v1/access/exceptions", "/api/v1/access/exceptions/{id}", "/api/v1/access/unapproved-at")) {
			EXPECTED.put("GET " + read, EVERY_ROLE);
		}
		for (String manage : List.of("/access/exceptions/{id}/removal", "/access/reconcile",
				"/api/v1/access/exceptions/{id}/removal", "/api/v1/access/reconciliations")) {
			EXPECTED.put("POST " + manage, EnumSet.of(Role.ADMIN, Role.OPERATOR));
		}
		EXPECTED.put("GET /actuator/health", null);
		EXPECTED.put("GET /actuator/prometheus", EnumSet.of(Role.ADMIN, Role.OPERATOR));
		EXPECTED.put("GET /actuator/info", EnumSet.of(Role.ADMIN, Role.OPERATOR));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Test
	void everyEndpointRefusesExactlyTheRolesTheMatrixSays() throws Exception {
		var endpoints = mappedEndpoints();
		endpoints.addAll(List.of("GET /actuator/health", "GET /actuator/prometheus", "GET /actuator/info"));
		assertThat(endpoints).as("endpoints without a row in the role matrix").isSubsetOf(EXPECTED.keySet());
		assertThat(EXPECTED.keySet()).as("rows for endpoints that no longer exist").isSubsetOf(endpoints);

		Map<Role, String> apiTokens = signInEveryRole();
		Map<String, Map<String, Boolean>> observed = new TreeMap<>();
		List<String> mismatches = new ArrayList<>();
		for (String endpoint : endpoints) {
			var row = new LinkedHashMap<String, Boolean>();
			row.put("nobody", allowed(endpoint, null, null));
			for (Role role : Role.values()) {
				row.put(role.name(), allowed(endpoint, role, apiTokens.get(role)));
			}
			observed.put(endpoint, row);
			var expected = EXPECTED.get(endpoint);
			if (row.get("nobody") != (expected == null)) {
				mismatches.add(endpoint + " for nobody: " + (row.get("nobody") ? "allowed" : "refused"));
			}
			for (Role role : Role.values()) {
				boolean shouldPass = expected == null || expected.contains(role);
				if (row.get(role.name()) != shouldPass) {
					mismatches.add(endpoint + " for " + role + ": " + (row.get(role.name()) ? "allowed" : "refused"));
				}
			}
		}
		write(observed);
		assertThat(mismatches).as("role matrix differences (see target/role-matrix.md)").isEmpty();
	}

	@Test
	void anAuditorChangesNothingAnywhere() throws Exception {
		var auditor = signInEveryRole().get(Role.AUDITOR);
		for (String endpoint : mappedEndpoints()) {
			if (!endpoint.startsWith("GET ") && !EVERY_ROLE.equals(EXPECTED.get(endpoint))) {
				assertThat(allowed(endpoint, Role.AUDITOR, auditor)).as(endpoint).isFalse();
			}
		}
	}

	private TreeSet<String> mappedEndpoints() {
		var endpoints = new TreeSet<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				var methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					endpoints.add("GET " + pattern);
				}
				methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
			}
		});
		return endpoints;
	}

	private Map<Role, String> signInEveryRole() {
		var secrets = new EnumMap<Role, String>(Role.class);
		for (Role role : Role.values()) {
			var name = Username.of("matrix-" + role.name().toLowerCase(java.util.Locale.ROOT));
			if (users.find(name).isEmpty()) {
				users.create(name, "Matrix " + role, Set.of(role), "a-long-enough-password", Actor.system("test"));
			}
			secrets.put(role, tokens.issue(name, "matrix", Actor.system("test")).secret());
		}
		return secrets;
	}

	private boolean allowed(String endpoint, @Nullable Role role, @Nullable String apiToken) throws Exception {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
		boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
		if (api) {
			if (apiToken != null) {
				request.header(HttpHeaders.AUTHORIZATION, "Bearer " + apiToken);
			}
			if (!method.equals("GET")) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
		}
		else {
			if (role != null) {
				request.with(user("matrix-" + role.name().toLowerCase(java.util.Locale.ROOT)).roles(role.name()));
			}
			request.with(csrf());
		}
		var response = mvc.perform(request).andReturn().getResponse();
		int status = response.getStatus();
		String location = response.getHeader(HttpHeaders.LOCATION);
		boolean sentToSignIn = status == 302 && location != null && location.contains("/signin");
		return status != 401 && status != 403 && !sentToSignIn;
	}

	private static String concrete(String pattern) {
		return pattern
			.replace("{id}",
					pattern.contains("criteria") ? "CC6.1" : pattern.contains("tokens") ? "no-such-token" : "ACC-01")
			.replace("{username}", "no-such-user")
			.replace("{account}", "111111111111")
			.replace("{person}", "no-such-person")
			.replace("{removal}", "1")
			.replace("{name}", "no-such-rule")
			.replace("{sequence}", "1")
			.replace("{version}", "1");
	}

	private static void write(Map<String, Map<String, Boolean>> observed) throws IOException {
		var table = new StringBuilder("| endpoint | nobody |");
		for (Role role : Role.values()) {
			table.append(' ').append(role).append(" |");
		}
		table.append("\n|---|---|").append("---|".repeat(Role.values().length)).append('\n');
		observed.forEach((endpoint, row) -> {
			table.append("| `").append(endpoint).append("` |");
			row.values().forEach(ok -> table.append(ok ? " yes |" : " **refused** |"));
			table.append('\n');
		});
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/role-matrix.md"), table);
	}

}
