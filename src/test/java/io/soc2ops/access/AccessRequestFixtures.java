package io.soc2ops.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.aws.AccountId;
import io.soc2ops.aws.AwsAccount;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.aws.Environment;
import io.soc2ops.aws.Region;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * What access request tests stand on: users with their roles, accounts in scope, and an
 * Identity Center inventory as the inventory stores it (AWS's objects, JSON).
 */
final class AccessRequestFixtures {

	static final String INSTANCE = "arn:aws:sso:::instance/ssoins-0123456789abcdef";

	static final String STORE = "d-1234567890";

	static final String READ_ONLY = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0000000000000001";

	static final String ADMIN = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0000000000000002";

	static final String POWER = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0000000000000003";

	private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() % 1_000_000L * 1000);

	private AccessRequestFixtures() {
	}

	static void user(Users users, String name, Role... roles) {
		if (users.find(Username.of(name)).isEmpty()) {
			users.create(Username.of(name), name, Set.of(roles), "correct-horse-battery-" + name, Actor.system("test"));
		}
	}

	/** An account newly added to scope. */
	static String account(AwsAccounts accounts) {
		String id = String.format("%012d", 100_000_000_000L + ACCOUNTS.incrementAndGet());
		accounts.register(new AwsAccount(new AccountId(id), "acct-" + id.substring(8), Environment.PRODUCTION,
				List.of(new Region("ap-northeast-1"))), Actor.system("test"));
		return id;
	}

	/** Links a person key to a soc2ops user, once. */
	static void person(JdbcClient jdbc, String person, String user) {
		if (jdbc.sql("SELECT COUNT(*) FROM access_person WHERE person = :p")
			.param("p", person)
			.query(Long.class)
			.single() == 0) {
			jdbc.sql("INSERT INTO access_person (person, display_name, soc2ops_user, updated_at)"
					+ " VALUES (:p, :p, :u, :at)")
				.param("p", person)
				.param("u", user)
				.param("at", OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
	}

	/**
	 * The instance, three permission sets (ReadOnly; AdministratorAccess; PowerAdmin,
	 * whose managed policies include AdministratorAccess) and two users, once.
	 */
	static void identityCenter(JdbcClient jdbc, Instant seen) {
		if (jdbc.sql("SELECT COUNT(*) FROM access_inventory_object WHERE object_kind = 'idc-instance'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		object(jdbc, "idc-instance", INSTANCE,
				"{\"InstanceArn\":\"" + INSTANCE + "\",\"IdentityStoreId\":\"" + STORE + "\",\"Name\":\"example\"}",
				seen);
		object(jdbc, "permission-set", READ_ONLY, permissionSet("ReadOnly", READ_ONLY, "ViewOnlyAccess"), seen);
		object(jdbc, "permission-set", ADMIN, permissionSet("AdministratorAccess", ADMIN, "AdministratorAccess"), seen);
		object(jdbc, "permission-set", POWER, permissionSet("PowerAdmin", POWER, "AdministratorAccess"), seen);
		object(jdbc, "idc-user", "9067-erin", user("9067-erin", "Erin@Example.com"), seen);
		object(jdbc, "idc-user", "9067-alice", user("9067-alice", "alice@example.com"), seen);
	}

	private static String permissionSet(String name, String arn, String policy) {
		return "{\"Name\":\"" + name + "\",\"PermissionSetArn\":\"" + arn + "\",\"Description\":\"" + name
				+ " access\",\"SessionDuration\":\"PT8H\",\"CreatedDate\":\"2026-01-05T00:00:00Z\","
				+ "\"ManagedPolicies\":[{\"Name\":\"" + policy + "\",\"Arn\":\"arn:aws:iam::aws:policy/" + policy
				+ "\"}],\"InlinePolicy\":\"\"}";
	}

	private static String user(String id, String name) {
		return "{\"UserId\":\"" + id + "\",\"UserName\":\"" + name + "\",\"DisplayName\":\"" + name
				+ "\",\"IdentityStoreId\":\"" + STORE + "\",\"Emails\":[{\"Value\":\"" + name
				+ "\",\"Type\":\"work\",\"Primary\":true}]}";
	}

	private static void object(JdbcClient jdbc, String kind, String key, String document, Instant seen) {
		jdbc.sql("INSERT INTO access_inventory_object (source, scope, object_kind, object_key, document, digest,"
				+ " first_seen) VALUES ('IDENTITY_CENTER', :scope, :kind, :key, :doc, :digest, :seen)")
			.param("scope", INSTANCE)
			.param("kind", kind)
			.param("key", key)
			.param("doc", document)
			.param("digest", Integer.toHexString(document.hashCode()))
			.param("seen", OffsetDateTime.ofInstant(seen, ZoneOffset.UTC))
			.update();
	}

}
