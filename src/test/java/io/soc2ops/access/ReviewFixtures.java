package io.soc2ops.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Holdings, people and users for access review tests, written with SQL as the inventory
 * and the credential reports would have written them.
 */
record ReviewFixtures(JdbcClient jdbc, Users users) {

	static final String PERMISSION_SET = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222";

	/** An account ID no other test uses. */
	static String account() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
	}

	/** A name no other test uses, with the prefix. */
	static String unique(String prefix) {
		return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

	long assignment(String account, String person, String permissionSet, String via, Instant firstSeen,
			@Nullable Instant goneAt) {
		return holding(HoldingKind.ASSIGNMENT, account, person, person, permissionSet, PERMISSION_SET, via, firstSeen,
				goneAt);
	}

	long iamUser(String account, String user, Instant firstSeen) {
		return holding(HoldingKind.IAM_USER, account, user, user, HoldingKind.IAM_USER_ENTITLEMENT,
				"arn:aws:iam::" + account + ":user/" + user, "", firstSeen, null);
	}

	long holding(HoldingKind kind, String account, String person, String principal, String entitlement, String ref,
			String via, Instant firstSeen, @Nullable Instant goneAt) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO access_holding (kind, account_id, person, principal, entitlement, entitlement_ref, via,"
				+ " first_seen, gone_at) VALUES (:kind, :account, :person, :principal, :entitlement, :ref, :via,"
				+ " :seen, :gone)")
			.param("kind", kind.name())
			.param("account", account)
			.param("person", person.toLowerCase(java.util.Locale.ROOT))
			.param("principal", principal)
			.param("entitlement", entitlement)
			.param("ref", ref)
			.param("via", via)
			.param("seen", time(firstSeen))
			.param("gone", goneAt == null ? null : time(goneAt))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void gone(long holding, Instant at) {
		jdbc.sql("UPDATE access_holding SET gone_at = :at WHERE id = :id")
			.param("at", time(at))
			.param("id", holding)
			.update();
	}

	void person(String person, @Nullable String soc2opsUser, @Nullable String manager) {
		jdbc.sql("INSERT INTO access_person (person, display_name, email, soc2ops_user, manager, updated_at)"
				+ " VALUES (:person, :person, :person, :user, :manager, :now)")
			.param("person", person)
			.param("user", soc2opsUser)
			.param("manager", manager)
			.param("now", time(Instant.parse("2026-01-01T00:00:00Z")))
			.update();
	}

	/** An enabled soc2ops user with these roles (created once). */
	String user(String name, Role... roles) {
		var username = Username.of(name);
		if (users.find(username).isEmpty()) {
			users.create(username, name, Set.of(roles), "a-long-enough-password", Actor.system("test"));
		}
		return name;
	}

	static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
