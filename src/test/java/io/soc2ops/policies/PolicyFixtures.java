package io.soc2ops.policies;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * What policy tests share: people with each role, and an empty policy to start from (the
 * policy is one per installation, and test contexts are shared between test classes).
 */
public final class PolicyFixtures {

	public static final String AUTHOR = "policy-author";

	public static final String APPROVER = "policy-approver";

	public static final String SECOND_APPROVER = "policy-approver-2";

	public static final String ADMIN = "policy-admin";

	public static final String ENGINEER = "policy-engineer";

	public static final String AUDITOR = "policy-auditor";

	private PolicyFixtures() {
	}

	/** Removes every version, so a test starts before the first one. */
	public static void noVersions(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM vulnerability_policy_scope").update();
		jdbc.sql("DELETE FROM vulnerability_policy_sla").update();
		jdbc.sql("DELETE FROM vulnerability_policy_version").update();
		jdbc.sql("UPDATE policy_document SET latest_version = 0, approved_version = 0").update();
	}

	/** The people of these tests, created once per database. */
	public static void people(Users users) {
		person(users, AUTHOR, Role.OPERATOR);
		person(users, APPROVER, Role.APPROVER);
		person(users, SECOND_APPROVER, Role.APPROVER);
		person(users, ADMIN, Role.ADMIN);
		person(users, ENGINEER, Role.ENGINEER);
		person(users, AUDITOR, Role.AUDITOR);
	}

	public static VulnerabilityPolicyTerms reference(LocalDate effectiveFrom) {
		return VulnerabilityPolicyTerms.reference(effectiveFrom, "Reference SLA.");
	}

	private static void person(Users users, String name, Role role) {
		if (users.find(Username.of(name)).isEmpty()) {
			users.create(Username.of(name), name, Set.of(role), "a-long-enough-password", Actor.system("test"));
		}
	}

}
