package io.soc2ops.identity;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what, for the UI and the API alike. Reading is open to every signed-in
 * role (the auditor reads everything) except the AWS connection page; every change is
 * listed here with the {@link Capability} it needs, and anything not listed is refused.
 * {@code RoleMatrixTests} walks every endpoint with every role against these rules.
 */
final class AccessRules {

	private AccessRules() {
	}

	static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules
			.requestMatchers("/signin", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			// the API's description holds no data; API clients and the browser both read
			// it
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
					"/swagger-ui/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAnyRole(Capability.READ_METRICS.roleNames())
			.requestMatchers(HttpMethod.GET, "/admin/**", "/api/v1/users", "/api/v1/users/**")
			.hasAnyRole(Capability.READ_USERS.roleNames())
			.requestMatchers("/admin/**", "/api/v1/users", "/api/v1/users/**")
			.hasAnyRole(Capability.ADMINISTER_USERS.roleNames())
			.requestMatchers(HttpMethod.GET, "/schedules")
			.hasAnyRole(Capability.READ_SCHEDULES.roleNames())
			.requestMatchers(HttpMethod.POST, "/controls/*/tests", "/api/v1/controls/*/tests")
			.hasAnyRole(Capability.RECORD_CONTROL_TESTS.roleNames())
			.requestMatchers(HttpMethod.POST, "/findings/import", "/api/v1/findings/import")
			.hasAnyRole(Capability.IMPORT_FINDINGS.roleNames())
			.requestMatchers(HttpMethod.POST, "/aws/check", "/aws/collect")
			.hasAnyRole(Capability.RUN_AWS.roleNames())
			.requestMatchers(HttpMethod.GET, "/aws", "/aws/**")
			.hasAnyRole(Capability.READ_AWS.roleNames())
			.requestMatchers(HttpMethod.POST, "/api/v1/events")
			.hasAnyRole(Capability.SEND_EVENTS.roleNames())
			// trying an event against the rules changes nothing: everyone who reads them
			// may
			.requestMatchers(HttpMethod.POST, "/alerts/rules/try", "/api/v1/alert-rules/try")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/alerts/deliveries/retry", "/alerts/deliveries/*/retry",
					"/api/v1/alert-deliveries/retry", "/api/v1/alert-deliveries/*/retry")
			.hasAnyRole(Capability.MANAGE_ALERT_DELIVERIES.roleNames())
			.requestMatchers(HttpMethod.POST, "/alerts/rules", "/alerts/rules/**", "/api/v1/alert-rules")
			.hasAnyRole(Capability.MANAGE_ALERT_RULES.roleNames())
			.requestMatchers(HttpMethod.PUT, "/api/v1/alert-rules/*")
			.hasAnyRole(Capability.MANAGE_ALERT_RULES.roleNames())
			.requestMatchers(HttpMethod.POST, "/alerts/routes", "/alerts/routes/**", "/api/v1/alert-routes",
					"/api/v1/alert-routes/**")
			.hasAnyRole(Capability.MANAGE_ALERT_ROUTES.roleNames())
			.requestMatchers(HttpMethod.PUT, "/api/v1/alert-routes/*")
			.hasAnyRole(Capability.MANAGE_ALERT_ROUTES.roleNames())
			.requestMatchers(HttpMethod.POST, "/alerts/*/case", "/api/v1/alerts/*/case")
			.hasAnyRole(Capability.RESPOND_TO_ALERTS.roleNames())
			.requestMatchers(HttpMethod.POST, "/policies/vulnerability/*/approve", "/policies/vulnerability/*/reject",
					"/api/v1/policies/vulnerability/*/approve", "/api/v1/policies/vulnerability/*/reject")
			.hasAnyRole(Capability.APPROVE_POLICIES.roleNames())
			.requestMatchers(HttpMethod.POST, "/policies/vulnerability", "/api/v1/policies/vulnerability")
			.hasAnyRole(Capability.DRAFT_POLICIES.roleNames())
			// vulnerabilities: everyone reads them, their exceptions and the period
			// report
			.requestMatchers(HttpMethod.POST, "/vulnerabilities/exceptions/*/approve",
					"/vulnerabilities/exceptions/*/reject", "/api/v1/vulnerabilities/exceptions/*/approve",
					"/api/v1/vulnerabilities/exceptions/*/reject")
			.hasAnyRole(Capability.DECIDE_VULNERABILITY_EXCEPTIONS.roleNames())
			.requestMatchers(HttpMethod.POST, "/vulnerabilities/exceptions", "/api/v1/vulnerabilities/exceptions")
			.hasAnyRole(Capability.REQUEST_VULNERABILITY_EXCEPTIONS.roleNames())
			// access requests: everyone reads them
			.requestMatchers(HttpMethod.POST, "/access/requests/*/approve", "/access/requests/*/reject",
					"/api/v1/access/requests/*/approve", "/api/v1/access/requests/*/reject")
			.hasAnyRole(Capability.DECIDE_ACCESS_REQUESTS.roleNames())
			.requestMatchers(HttpMethod.POST, "/access/requests/*/accounts/*/grant",
					"/access/requests/*/accounts/*/retry", "/api/v1/access/requests/*/accounts/*/grant",
					"/api/v1/access/requests/*/accounts/*/retry")
			.hasAnyRole(Capability.GRANT_ACCESS.roleNames())
			.requestMatchers(HttpMethod.POST, "/access/requests/*/revoke", "/api/v1/access/requests/*/revoke")
			.hasAnyRole(Capability.REVOKE_ACCESS.roleNames())
			.requestMatchers(HttpMethod.POST, "/access/requests", "/access/requests/*/withdraw",
					"/api/v1/access/requests", "/api/v1/access/requests/*/withdraw")
			.hasAnyRole(Capability.REQUEST_ACCESS.roleNames())
			// access reviews: everyone reads campaigns and downloads their evidence;
			// reviewers decide on the items assigned to them
			.requestMatchers(HttpMethod.POST, "/access/reviews/*/decisions", "/api/v1/access/reviews/*/decisions")
			.hasAnyRole(Capability.REVIEW_ACCESS.roleNames())
			.requestMatchers(HttpMethod.POST, "/access/reviews", "/access/reviews/*/reassign", "/api/v1/access/reviews",
					"/api/v1/access/reviews/*/reassign", "/access/account-owners", "/access/account-owners/*/remove")
			.hasAnyRole(Capability.MANAGE_ACCESS_REVIEWS.roleNames())
			.requestMatchers(HttpMethod.PUT, "/api/v1/access/account-owners/*")
			.hasAnyRole(Capability.MANAGE_ACCESS_REVIEWS.roleNames())
			.requestMatchers(HttpMethod.DELETE, "/api/v1/access/account-owners/*")
			.hasAnyRole(Capability.MANAGE_ACCESS_REVIEWS.roleNames())
			// the people directory and offboardings hold personal data: not every
			// engineer
			.requestMatchers(HttpMethod.GET, "/access/people", "/access/people/**", "/api/v1/access/people",
					"/api/v1/access/people/**", "/access/offboardings", "/access/offboardings/**",
					"/api/v1/access/offboardings", "/api/v1/access/offboardings/**")
			.hasAnyRole(Capability.READ_PEOPLE.roleNames())
			.requestMatchers(HttpMethod.POST, "/access/people/*")
			.hasAnyRole(Capability.MANAGE_PEOPLE.roleNames())
			.requestMatchers(HttpMethod.PUT, "/api/v1/access/people/*")
			.hasAnyRole(Capability.MANAGE_PEOPLE.roleNames())
			.requestMatchers(HttpMethod.POST, "/access/offboardings", "/access/offboardings/**",
					"/api/v1/access/offboardings", "/api/v1/access/offboardings/**")
			.hasAnyRole(Capability.RUN_OFFBOARDINGS.roleNames())
			// credential findings map IAM users and their keys: as the AWS connection
			.requestMatchers(HttpMethod.GET, "/api/v1/access/credential-findings")
			.hasAnyRole(Capability.READ_AWS.roleNames())
			// access: everyone reads who has access to what and the unapproved access
			.requestMatchers(HttpMethod.POST, "/access/exceptions/*/removal", "/api/v1/access/exceptions/*/removal",
					"/access/reconcile", "/api/v1/access/reconciliations")
			.hasAnyRole(Capability.MANAGE_ACCESS_EXCEPTIONS.roleNames())
			// posture and its history are read by every role, the auditor first
			.requestMatchers(HttpMethod.GET, "/api/v1/posture", "/api/v1/posture/**")
			.authenticated()
			// everyone manages their own sign-in and tokens (an auditor needs a token to
			// read through the API)
			.requestMatchers(HttpMethod.POST, "/signout", "/account/password", "/account/tokens",
					"/account/tokens/*/revoke", "/api/v1/tokens")
			.authenticated()
			.requestMatchers(HttpMethod.DELETE, "/api/v1/tokens/*")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/**")
			.authenticated()
			.requestMatchers(HttpMethod.HEAD, "/**")
			.authenticated()
			.anyRequest()
			.denyAll();
	}

}
