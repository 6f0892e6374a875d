package io.soc2ops.access;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.SlackReceiver;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Users;

/**
 * What the tests sharing the {@code access-requests} context use: the approvers' alert
 * route to a local Slack receiver (it lives as long as the test JVM, as the context
 * does), and the users, people, inventory and a fresh account each test starts from.
 */
public final class AccessRequestTestSupport {

	public static final String ROUTE = "access-approvers";

	public static final SlackReceiver SLACK = SlackReceiver.start();

	private AccessRequestTestSupport() {
	}

	/**
	 * erin (ENGINEER), alice and bob (APPROVER), ann (ENGINEER and APPROVER), olga
	 * (OPERATOR); erin, alice and ann linked to their person keys; the Identity Center
	 * inventory.
	 * @return an account newly added to scope
	 */
	public static String prepare(Users users, JdbcClient jdbc, AwsAccounts accounts, Instant now) {
		AccessRequestFixtures.user(users, "erin", Role.ENGINEER);
		AccessRequestFixtures.user(users, "alice", Role.APPROVER);
		AccessRequestFixtures.user(users, "bob", Role.APPROVER);
		AccessRequestFixtures.user(users, "ann", Role.ENGINEER, Role.APPROVER);
		AccessRequestFixtures.user(users, "olga", Role.OPERATOR);
		AccessRequestFixtures.user(users, "auditor", Role.AUDITOR);
		AccessRequestFixtures.person(jdbc, "erin@example.com", "erin");
		AccessRequestFixtures.person(jdbc, "alice@example.com", "alice");
		AccessRequestFixtures.person(jdbc, "ann@example.com", "ann");
		AccessRequestFixtures.identityCenter(jdbc, now.minus(Duration.ofDays(1)));
		return AccessRequestFixtures.account(accounts);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Routes {

		@Bean
		@Order(0)
		ApplicationRunner accessApproverRoute(AlertRoutes routes) {
			return args -> routes.create(ROUTE, SLACK.webhookUrl(), true, Actor.system("test"));
		}

	}

}
