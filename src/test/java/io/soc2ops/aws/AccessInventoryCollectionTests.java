package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.soc2ops.MovableClock;
import io.soc2ops.access.AccessInventory;
import io.soc2ops.access.AccessInventoryChanged;
import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.AccessRemovals;
import io.soc2ops.access.AssignmentOutcome;
import io.soc2ops.access.AssignmentTarget;
import io.soc2ops.access.Holding;
import io.soc2ops.access.HoldingKind;
import io.soc2ops.access.IdentityCenterAssignments;
import io.soc2ops.access.IdentityCenterDirectory;
import io.soc2ops.access.IdentityCenterInventory;
import io.soc2ops.access.PersonKey;
import io.soc2ops.access.RemovalReason;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.LocalIdentityCenter;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access inventory in the AWS collection, against the local endpoint: an
 * Organization's IAM (per account) and IAM Identity Center (once) become dated object
 * versions and holdings (direct and through groups); a later collection closes and opens
 * the right periods while the past still replays; every list is read page by page; one
 * account refused leaves the others collected; a failed page closes nothing; and the
 * assignment writer creates and deletes on Identity Center. One context; each test has
 * its own accounts, instance and people.
 */
@SpringBootTest(properties = { "soc2ops.test.context=access-inventory", "soc2ops.aws.enabled=true",
		"soc2ops.aws.mode=ORGANIZATION", "soc2ops.aws.regions=ap-northeast-1", "soc2ops.aws.max-attempts=2",
		"soc2ops.aws.inspector.enabled=false", "soc2ops.aws.iam.page-size=2", "soc2ops.aws.iam.credential-report=false",
		"soc2ops.aws.identity-center.enabled=true", "soc2ops.aws.identity-center.page-size=1",
		"soc2ops.aws.identity-center.manage-assignments=true", "soc2ops.aws.identity-center.assignment-poll=10ms" })
@Import(MovableClock.Configuration.class)
@RecordApplicationEvents
class AccessInventoryCollectionTests {

	static final Actor TEST = Actor.system("test");

	static final String MANAGEMENT = "111111111111";

	static final Instant T1 = Instant.parse("2026-10-01T03:00:00Z");

	static final Instant T2 = Instant.parse("2026-10-08T03:00:00Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final AtomicInteger TESTS = new AtomicInteger(10);

	static final LocalAws aws = LocalAws.start();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class ManagementAccountCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalSettings.credentials(MANAGEMENT);
		}

	}

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	AccessInventory inventory;

	@Autowired
	IdentityCenterDirectory directory;

	@Autowired
	IdentityCenterAssignments assignments;

	@Autowired
	AccessRemovals removals;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	/** This test's own: two member accounts, an instance, people. */
	Org org;

	@BeforeEach
	void organization() {
		aws.reset();
		clock.set(T1);
		org = new Org(TESTS.incrementAndGet());
		aws.organization(MANAGEMENT, org.a, org.b);
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void anOrganizationBecomesObjectsAndHoldingsDirectAndThroughGroups() {
		org.script();

		var summary = collector.collect(TEST);

		assertThat(summary.inventory()).hasSize(4);
		assertThat(summary.inventoryFailures()).isEmpty();
		assertThat(holdings(T1)).containsExactlyInAnyOrderElementsOf(org.firstHoldings());
		assertThat(objects("IAM", org.a, "iam-user")).hasSize(2);
		assertThat(objects("IAM", org.a, "iam-role")).hasSize(1);
		assertThat(objects("IAM", org.a, "iam-policy")).hasSize(1);
		assertThat(objects("IAM", org.b, "iam-user")).hasSize(1);
		var alice = JSON.readTree(objects("IAM", org.a, "iam-user").get("arn:aws:iam::" + org.a + ":user/alice"));
		assertThat(alice.path("UserName").asString()).isEqualTo("alice");
		assertThat(alice.path("GroupList").get(0).asString()).isEqualTo("admins");
		assertThat(alice.path("UserPolicyList").get(0).path("PolicyDocument").asString())
			.isEqualTo("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"a b+c\"}]}");
		assertThat(objects("IDENTITY_CENTER", org.instance, "idc-user")).hasSize(3);
		assertThat(objects("IDENTITY_CENTER", org.instance, "idc-group")).hasSize(2);
		assertThat(objects("IDENTITY_CENTER", org.instance, "idc-membership")).containsOnlyKeys("g-1/u-1", "g-1/u-2",
				"g-2/u-2");
		assertThat(objects("IDENTITY_CENTER", org.instance, "idc-assignment")).hasSize(5)
			.containsKey(org.a + "/" + org.readOnly + "/USER/u-3");
		assertThat(objects("IDENTITY_CENTER", org.instance, "idc-instance")).hasSize(1);
		var admin = JSON.readTree(objects("IDENTITY_CENTER", org.instance, "permission-set").get(org.admin));
		assertThat(admin.path("Name").asString()).isEqualTo("AdministratorAccess");
		assertThat(admin.path("ManagedPolicies").get(0).path("Arn").asString())
			.isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
		assertThat(admin.path("InlinePolicy").asString()).isEqualTo("{\"Version\":\"2012-10-17\"}");
		var taro = JSON.readTree(objects("IDENTITY_CENTER", org.instance, "idc-user").get("u-1"));
		assertThat(taro.path("Emails").get(0).path("Value").asString()).isEqualTo(org.taro.toLowerCase());
		assertThat(person(org.taro)).contains("Taro Yamada <" + org.taro.toLowerCase() + ">");
		assertThat(syncRows(org.instance)).containsExactly("IDENTITY_CENTER complete 16");
		assertThat(syncRows(org.a)).containsExactly("IAM complete 5");
		assertThat(events.stream(AccessInventoryChanged.class))
			.anySatisfy(event -> assertThat(event.scope()).isEqualTo(org.instance));
		assertThat(ledger.page(Long.MAX_VALUE, 50))
			.anySatisfy(entry -> assertThat(entry.action()).isEqualTo("access.inventory-synced"));
		assertThat(collector.identityCenterSyncs()).anySatisfy(sync -> {
			assertThat(sync.target().toString()).isEqualTo(MANAGEMENT + "/ap-northeast-1");
			assertThat(sync.lastError()).isNull();
		});
	}

	@Test
	void everyListIsReadPageByPage() {
		org.script();

		collector.collect(TEST);

		for (String operation : List.of("ListUsers", "ListGroups", "ListGroupMemberships", "ListPermissionSets",
				"ListManagedPoliciesInPermissionSet", "ListAccountsForProvisionedPermissionSet",
				"ListAccountAssignments")) {
			assertThat(aws.calls(operation)).as(operation)
				.anySatisfy(call -> assertThat(call.body()).contains("\"NextToken\""));
		}
		assertThat(aws.calls("GetAccountAuthorizationDetails")).filteredOn(call -> org.a.equals(call.account()))
			.hasSize(3)
			.anySatisfy(call -> assertThat(call.body()).contains("Marker="));
		assertThat(aws.calls()).filteredOn(call -> Set.of("iam", "sso", "identitystore").contains(call.service()))
			.allSatisfy(call -> assertThat(call.status()).as(call.operation()).isEqualTo(200));
	}

	@Test
	void aLaterCollectionClosesAndOpensPeriodsAndThePastStillReplays() {
		var center = org.script();
		collector.collect(TEST);
		var jiroReadOnly = holding(org.jiro, org.a, "ReadOnlyAccess", "");
		var removal = removals.open(RemovalReason.REVIEW, "review-item:" + org.n, jiroReadOnly, T2, TEST);

		center.removeMember("g-1", "u-2")
			.unassign(org.a, org.readOnly, "USER", "u-3")
			.inlinePolicy(org.admin, "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
		clock.set(T2);
		collector.collect(TEST);

		assertThat(holdings(T1)).containsExactlyInAnyOrderElementsOf(org.firstHoldings());
		assertThat(holdings(T2)).containsExactlyInAnyOrder(org.line(org.taro, org.a, "AdministratorAccess", "Admins"),
				org.line(org.taro, org.b, "AdministratorAccess", "Admins"),
				org.line(org.hanako, org.a, "AdministratorAccess", ""),
				org.line(org.hanako, org.b, "ReadOnlyAccess", "Developers"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_holding WHERE entitlement_ref LIKE :prefix AND gone_at = :t2")
			.param("prefix", org.prefix() + "%")
			.param("t2", OffsetDateTime.ofInstant(T2, ZoneOffset.UTC))
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(versions(org.instance, "permission-set", org.admin)).satisfiesExactly(first -> {
			assertThat(first.document().path("InlinePolicy").asString()).isEqualTo("{\"Version\":\"2012-10-17\"}");
			assertThat(first.goneAt()).contains(T2);
		}, second -> {
			assertThat(second.document().path("InlinePolicy").asString()).contains("\"Statement\":[]");
			assertThat(second.firstSeen()).isEqualTo(T2);
			assertThat(second.goneAt()).isEmpty();
		});
		assertThat(versions(org.instance, "idc-membership", "g-1/u-2")).singleElement()
			.satisfies(version -> assertThat(version.goneAt()).contains(T2));
		assertThat(versions(org.instance, "idc-user", "u-1")).singleElement()
			.satisfies(version -> assertThat(version.goneAt()).isEmpty());
		assertThat(removals.find(removal.id()).orElseThrow().verifiedAt()).contains(T2);
	}

	@Test
	void anAccountRefusedLeavesTheOthersCollectedAndItsSyncSaysWhy() {
		org.script();
		collector.collect(TEST);
		aws.deny(org.b, "GetAccountAuthorizationDetails");
		clock.set(T2);

		var summary = collector.collect(TEST);

		assertThat(summary.inventoryFailures()).singleElement().satisfies(sync -> {
			assertThat(sync.collector()).isEqualTo("iam");
			assertThat(sync.target().toString()).isEqualTo(org.b + "/us-east-1");
			assertThat(sync.status()).isEqualTo(ConnectionStatus.ACCESS_DENIED);
			assertThat(sync.error()).contains("iam:GetAccountAuthorizationDetails", "AccessDenied");
		});
		assertThat(summary.inventory()).filteredOn(InventorySync::complete).hasSize(3);
		assertThat(collector.iamSyncs()).filteredOn(sync -> sync.target().account().value().equals(org.b))
			.singleElement()
			.satisfies(sync -> {
				assertThat(sync.lastError()).contains("AccessDenied");
				assertThat(sync.lastSuccessAt()).isEqualTo(T1);
			});
		assertThat(syncRows(org.b)).containsExactly("IAM complete 1", "IAM incomplete 0");
		// what the refused account had is not taken for gone
		assertThat(objects("IAM", org.b, "iam-user")).hasSize(1);
		assertThat(syncRows(org.a)).containsExactly("IAM complete 5", "IAM complete 5");
	}

	@Test
	void aFailedPageClosesNothing() {
		var center = org.script();
		collector.collect(TEST);
		center.unassign(org.a, org.readOnly, "USER", "u-3").removeUser("u-1");
		aws.failPage("ListUsers", MANAGEMENT, 2).failPage("GetAccountAuthorizationDetails", org.a, 2);
		aws.iam(org.a).removeUser("bob");
		clock.set(T2);

		var summary = collector.collect(TEST);

		assertThat(summary.inventoryFailures()).extracting(InventorySync::collector)
			.containsExactlyInAnyOrder("iam", "identity-center");
		assertThat(holdings(T2)).containsExactlyInAnyOrderElementsOf(org.firstHoldings());
		assertThat(objects("IDENTITY_CENTER", org.instance, "idc-user")).hasSize(3);
		assertThat(objects("IDENTITY_CENTER", org.instance, "idc-assignment")).hasSize(5);
		assertThat(objects("IAM", org.a, "iam-user")).hasSize(2);
		assertThat(syncRows(org.instance)).containsExactly("IDENTITY_CENTER complete 16",
				"IDENTITY_CENTER incomplete 0".replace(" 0", " " + incompleteObjects(org.instance)));
		assertThat(collector.identityCenterSyncs()).anySatisfy(
				sync -> assertThat(sync.lastError()).contains("identitystore:ListUsers", "InternalServerException"));
	}

	@Test
	void theDirectoryFindsUsersAndPermissionSets() {
		org.script();
		collector.collect(TEST);

		var user = directory.user(new PersonKey(org.taro.toUpperCase())).orElseThrow();
		var set = directory.permissionSet("AdministratorAccess").orElseThrow();

		assertThat(directory.instance()).hasValueSatisfying(instance -> {
			assertThat(instance.instanceArn()).isEqualTo(org.instance);
			assertThat(instance.identityStoreId()).isEqualTo(org.store);
		});
		assertThat(user.userId()).isEqualTo("u-1");
		assertThat(user.userName()).isEqualTo(org.taro);
		assertThat(user.displayName()).isEqualTo("Taro Yamada");
		assertThat(user.email()).contains(org.taro.toLowerCase());
		assertThat(set.arn()).isEqualTo(org.admin);
		assertThat(set.instanceArn()).isEqualTo(org.instance);
		assertThat(set.managedPolicies()).containsExactly("AdministratorAccess");
		assertThat(set.hasInline()).isTrue();
		assertThat(directory.permissionSets()).extracting(s -> s.name())
			.containsExactly("AdministratorAccess", "ReadOnlyAccess");
		assertThat(directory.permissionSet("ReadOnlyAccess").orElseThrow().hasInline()).isFalse();
		assertThat(directory.user(new PersonKey("nobody-" + org.n + "@example.com"))).isEmpty();
		assertThat(directory.permissionSet("PowerUserAccess")).isEmpty();
	}

	@Test
	void theAssignmentWriterCreatesAndDeletesOnIdentityCenterAndRecordsEachChange() throws IOException {
		var center = org.script();
		var target = new AssignmentTarget(org.instance, org.b, org.readOnly, "USER", "u-1");

		var created = assignments.create(target);
		var deleted = assignments.delete(target);
		center.failNextChange("Received a 404 status error: Not supported account");
		var refused = assignments.create(target);
		aws.deny(MANAGEMENT, "DeleteAccountAssignment");
		var denied = assignments.delete(new AssignmentTarget(org.instance, org.a, org.readOnly, "USER", "u-3"));

		assertThat(created).isInstanceOf(AssignmentOutcome.Done.class);
		assertThat(deleted).isInstanceOf(AssignmentOutcome.Done.class);
		assertThat(((AssignmentOutcome.Done) created).requestId()).startsWith("req-");
		assertThat(refused).isEqualTo(new AssignmentOutcome.Failed(
				"sso:CreateAccountAssignment failed: Received a 404 status error: Not supported account"));
		assertThat(denied).isInstanceOfSatisfying(AssignmentOutcome.Failed.class,
				failed -> assertThat(failed.reason()).contains("sso:DeleteAccountAssignment", "AccessDeniedException"));
		assertThat(center.assignments())
			.doesNotContain(new LocalIdentityCenter.Assignment(org.b, org.readOnly, "USER", "u-1"))
			.contains(new LocalIdentityCenter.Assignment(org.a, org.readOnly, "USER", "u-3"));
		assertThat(aws.calls("CreateAccountAssignment").getFirst().body()).contains("\"TargetType\":\"AWS_ACCOUNT\"");
		var entries = ledger.page(Long.MAX_VALUE, 20)
			.stream()
			.filter(entry -> entry.subject().contains(org.readOnly))
			.map(entry -> entry.action())
			.toList();
		assertThat(entries).containsExactlyInAnyOrder("identity-center.assignment-created",
				"identity-center.assignment-deleted", "identity-center.assignment-create-failed",
				"identity-center.assignment-delete-failed");
		Set<String> writes = aws.calls()
			.stream()
			.filter(call -> call.service().equals("sso"))
			.map(LocalAws.Call::action)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(writes).isEqualTo(policyActions("aws/soc2ops-identity-center-write-policy.json"));
	}

	@Test
	void badInputIsRefusedNamingTheRecordAndField() {
		assertThatThrownBy(() -> new IdentityCenterInventory.User("u-9", " ", "", Optional.empty(), "{}"))
			.isInstanceOf(AccessRefused.class)
			.hasMessage("Identity Center user u-9: UserName must be 1-256 characters");
		assertThatThrownBy(() -> new IdentityCenterInventory.Assignment(org.a, org.prefix() + "ps-x", "ROLE", "u-1"))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("PrincipalType must be USER or GROUP but was 'ROLE'");
		var bad = new IdentityCenterInventory(org.instance, org.store, "{}", T1, true, "",
				List.of(new IdentityCenterInventory.User("u-1", "bad\u0007name", "", Optional.empty(), "{}")),
				List.of(), List.of(), List.of(), List.of());
		assertThatThrownBy(() -> inventory.identityCenterCollected(bad)).isInstanceOf(AccessRefused.class)
			.hasMessageContaining("Identity Center user u-1: UserName");
		assertThat(syncRows(org.instance)).isEmpty();
	}

	// ---- helpers

	private List<String> holdings(Instant at) {
		return jdbc
			.sql("SELECT person, account_id, entitlement, via FROM access_holding WHERE kind = 'ASSIGNMENT'"
					+ " AND entitlement_ref LIKE :prefix AND first_seen <= :at AND (gone_at IS NULL OR gone_at > :at)")
			.param("prefix", org.prefix() + "%")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query((rs, row) -> rs.getString("person") + "|" + rs.getString("account_id").strip() + "|"
					+ rs.getString("entitlement") + "|" + rs.getString("via"))
			.list();
	}

	private Holding holding(String person, String account, String entitlement, String via) {
		return jdbc
			.sql("SELECT * FROM access_holding WHERE person = :person AND account_id = :account"
					+ " AND entitlement = :entitlement AND via = :via AND gone_at IS NULL")
			.param("person", person.toLowerCase())
			.param("account", account)
			.param("entitlement", entitlement)
			.param("via", via)
			.query((rs, row) -> new Holding(rs.getLong("id"), HoldingKind.valueOf(rs.getString("kind")),
					rs.getString("account_id").strip(), new PersonKey(rs.getString("person")),
					rs.getString("principal"), rs.getString("entitlement"), rs.getString("entitlement_ref"),
					rs.getString("via"), rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
					Optional.empty()))
			.single();
	}

	/** The current objects of a kind, by key. */
	private Map<String, String> objects(String source, String scope, String kind) {
		return jdbc
			.sql("SELECT object_key, document FROM access_inventory_object WHERE source = :source AND scope = :scope"
					+ " AND object_kind = :kind AND gone_at IS NULL")
			.param("source", source)
			.param("scope", scope)
			.param("kind", kind)
			.query((rs, row) -> Map.entry(rs.getString("object_key"), rs.getString("document")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private List<Version> versions(String scope, String kind, String key) {
		return jdbc
			.sql("SELECT document, first_seen, gone_at FROM access_inventory_object WHERE scope = :scope"
					+ " AND object_kind = :kind AND object_key = :key ORDER BY id")
			.param("scope", scope)
			.param("kind", kind)
			.param("key", key)
			.query((rs, row) -> new Version(JSON.readTree(rs.getString("document")),
					rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject("gone_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
			.list();
	}

	private List<String> syncRows(String scope) {
		return jdbc.sql("SELECT source, complete, objects FROM access_inventory_sync WHERE scope = :scope ORDER BY id")
			.param("scope", scope)
			.query((rs, row) -> rs.getString("source") + " " + (rs.getBoolean("complete") ? "complete" : "incomplete")
					+ " " + rs.getInt("objects"))
			.list();
	}

	private int incompleteObjects(String scope) {
		return jdbc.sql("SELECT objects FROM access_inventory_sync WHERE scope = :scope AND complete = FALSE")
			.param("scope", scope)
			.query(Integer.class)
			.single();
	}

	private Optional<String> person(String userName) {
		return jdbc.sql("SELECT display_name, email FROM access_person WHERE person = :person")
			.param("person", userName.toLowerCase())
			.query((rs, row) -> rs.getString("display_name") + " <" + rs.getString("email") + ">")
			.optional();
	}

	static Set<String> policyActions(String resource) throws IOException {
		JsonNode policy;
		try (var in = new ClassPathResource(resource).getInputStream()) {
			policy = JSON.readTree(in);
		}
		var actions = new HashSet<String>();
		policy.path("Statement").forEach(statement -> statement.path("Action").forEach(a -> actions.add(a.asString())));
		return new TreeSet<>(actions);
	}

	record Version(JsonNode document, Instant firstSeen, Optional<Instant> goneAt) {

	}

	/** One test's Organization: accounts, the Identity Center instance and its people. */
	static final class Org {

		final int n;

		final String a;

		final String b;

		final String instance;

		final String store;

		final String admin;

		final String readOnly;

		final String taro;

		final String hanako;

		final String jiro;

		Org(int n) {
			this.n = n;
			this.a = "2222222222" + n;
			this.b = "3333333333" + n;
			this.instance = "arn:aws:sso:::instance/ssoins-77770000000000" + n;
			this.store = "d-90000000" + n;
			this.admin = prefix() + "ps-aaaa00000000aa" + n;
			this.readOnly = prefix() + "ps-bbbb00000000bb" + n;
			this.taro = "Taro.Yamada" + n + "@Example.com";
			this.hanako = "hanako.sato" + n + "@example.com";
			this.jiro = "jiro.suzuki" + n + "@example.com";
		}

		String prefix() {
			return instance.replace(":instance/", ":permissionSet/") + "/";
		}

		LocalIdentityCenter script() {
			aws.iam(a)
				.user("alice", List.of("admins"), List.of("AdministratorAccess"), Map.of("s3-read",
						"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"a b+c\"}]}"))
				.user("bob", List.of(), List.of("ReadOnlyAccess"), Map.of())
				.group("admins")
				.role("deploy")
				.policy("BoundaryPolicy", "{\"Version\":\"2012-10-17\"}");
			aws.iamUsers(b, "carol");
			return aws.identityCenter(instance, store, MANAGEMENT)
				.user("u-1", taro, "Taro Yamada", taro.toLowerCase())
				.user("u-2", hanako, "Hanako Sato", hanako)
				.user("u-3", jiro, "Jiro Suzuki", jiro)
				.group("g-1", "Admins")
				.group("g-2", "Developers")
				.member("g-1", "u-1")
				.member("g-1", "u-2")
				.member("g-2", "u-2")
				.permissionSet(admin, "AdministratorAccess", "{\"Version\":\"2012-10-17\"}", "AdministratorAccess")
				.permissionSet(readOnly, "ReadOnlyAccess", "", "ReadOnlyAccess", "ViewOnlyAccess")
				.assign(a, admin, "GROUP", "g-1")
				.assign(b, admin, "GROUP", "g-1")
				.assign(a, readOnly, "USER", "u-3")
				.assign(b, readOnly, "GROUP", "g-2")
				.assign(a, admin, "USER", "u-2");
		}

		List<String> firstHoldings() {
			return List.of(line(taro, a, "AdministratorAccess", "Admins"),
					line(taro, b, "AdministratorAccess", "Admins"), line(hanako, a, "AdministratorAccess", "Admins"),
					line(hanako, a, "AdministratorAccess", ""), line(hanako, b, "AdministratorAccess", "Admins"),
					line(hanako, b, "ReadOnlyAccess", "Developers"), line(jiro, a, "ReadOnlyAccess", ""));
		}

		String line(String person, String account, String entitlement, String via) {
			return person.toLowerCase() + "|" + account + "|" + entitlement + "|" + via;
		}

	}

}
