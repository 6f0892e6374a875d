package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.soc2ops.MovableClock;
import io.soc2ops.aws.SecurityHubCollector;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.LocalIdentityCenter;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Users;
import io.soc2ops.schedule.RecurringTask;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The automatic Identity Center path end to end, against the local AWS endpoint with
 * {@code manage-assignments=true}: the inventory collected, a permission set requested on
 * two accounts and approved, the {@code access.request-grants} task creates the
 * assignments (exactly the calls AWS documents) and the next inventory shows them held
 * and covered; a refused create is a FAILED grant to retry or grant by hand; a grant
 * claimed by an instance that died is made by another after the lease; expiry and
 * revocation delete the assignments and the next inventory verifies the removals; a
 * revocation while AWS is still creating the assignment deletes it after the create. One
 * context; each test has its own instance, accounts, permission sets and people.
 */
@SpringBootTest(properties = { "soc2ops.test.context=access-autogrant", "soc2ops.aws.enabled=true",
		"soc2ops.aws.mode=ORGANIZATION", "soc2ops.aws.regions=ap-northeast-1", "soc2ops.aws.max-attempts=2",
		"soc2ops.aws.inspector.enabled=false", "soc2ops.aws.iam.enabled=false",
		"soc2ops.aws.identity-center.enabled=true", "soc2ops.aws.identity-center.manage-assignments=true",
		"soc2ops.aws.identity-center.assignment-poll=10ms" })
@Import(MovableClock.Configuration.class)
class GrantIdentityCenterTests {

	static final String MANAGEMENT = "111111111111";

	static final Actor TEST = Actor.system("test");

	static final Actor ERIN = Actor.user("erin");

	static final Actor ALICE = Actor.user("alice");

	static final Actor OLGA = Actor.user("olga");

	static final Instant T1 = Instant.parse("2026-10-01T03:00:00Z");

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
			return LocalAws.credentials(MANAGEMENT);
		}

	}

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	AccessRequests requests;

	@Autowired
	AccessRemovals removals;

	@Autowired
	GrantStore grants;

	@Autowired
	@Qualifier("accessGrantsTask")
	RecurringTask grantTask;

	@Autowired
	@Qualifier("accessExpiryTask")
	RecurringTask expiryTask;

	@Autowired
	Users users;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	/** This test's own Organization and Identity Center. */
	Org org;

	LocalIdentityCenter center;

	@BeforeEach
	void organizationAndInventory() {
		aws.reset();
		clock.set(T1);
		AccessRequestFixtures.user(users, "erin", Role.ENGINEER);
		AccessRequestFixtures.user(users, "alice", Role.APPROVER);
		AccessRequestFixtures.user(users, "olga", Role.OPERATOR);
		org = new Org(TESTS.incrementAndGet());
		aws.organization(MANAGEMENT, org.a, org.b);
		center = org.script();
		collector.collect(TEST);
		clock.set(T1.plus(Duration.ofMinutes(10)));
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void anApprovedPermissionSetIsAssignedOnIdentityCenterAndTheNextInventoryShowsItHeldAndCovered() {
		var requested = requests.request(draft(List.of(org.a, org.b), null), ERIN);
		var approved = requests.approve(requested.id(), null, ALICE);
		assertThat(approved.grants()).extracting(Grant::state).containsOnly(GrantState.GRANTING);

		grantTask.body().run();

		assertThat(aws.calls("CreateAccountAssignment")).hasSize(2).allSatisfy(call -> {
			assertThat(call.account()).isEqualTo(MANAGEMENT);
			assertThat(call.region()).isEqualTo("ap-northeast-1");
			assertThat(call.status()).isEqualTo(200);
		});
		assertThat(aws.calls("CreateAccountAssignment").stream().map(call -> fields(call.body())))
			.containsExactlyInAnyOrder(org.assignmentCall(org.a), org.assignmentCall(org.b));
		var granted = requests.find(requested.id()).orElseThrow();
		assertThat(granted.grants()).allSatisfy(grant -> {
			assertThat(grant.state()).isEqualTo(GrantState.GRANTED);
			assertThat(grant.method()).contains(GrantMethod.IDENTITY_CENTER);
			assertThat(grant.grantedBy()).contains("system:access-requests");
			assertThat(grant.failure()).isEmpty();
		});
		assertThat(granted.grants()).extracting(grant -> grant.awsRequestId().orElseThrow())
			.containsExactlyInAnyOrderElementsOf(creationRequestIds());
		assertThat(center.assignments()).contains(
				new LocalIdentityCenter.Assignment(org.a, org.readOnly, "USER", "u-1"),
				new LocalIdentityCenter.Assignment(org.b, org.readOnly, "USER", "u-1"));
		assertThat(entries(requested.subject(), "access-request.granted")).hasSize(2)
			.allSatisfy(entry -> assertThat(entry.payload()).contains("\"method\":\"IDENTITY_CENTER\"")
				.contains("\"awsRequestId\":\"req-"));

		grantTask.body().run();
		assertThat(aws.calls("CreateAccountAssignment")).hasSize(2);

		clock.set(T1.plus(Duration.ofHours(1)));
		collector.collect(TEST);
		assertThat(coveredHoldings(clock.instant())).containsExactlyInAnyOrder(
				org.taroKey() + "|" + org.a + "|" + org.readOnlyName + "|" + requested.id(),
				org.taroKey() + "|" + org.b + "|" + org.readOnlyName + "|" + requested.id());
	}

	@Test
	void aRefusedCreateIsAFailedGrantToTryAgainOrToGrantByHand() {
		center.failNextChange("Received a 404 status error: Not supported account");
		var requested = requests.request(draft(List.of(org.a, org.b), null), ERIN);
		requests.approve(requested.id(), null, ALICE);

		grantTask.body().run();

		var first = requests.find(requested.id()).orElseThrow();
		assertThat(GrantDesk.grantOf(first, org.a)).satisfies(grant -> {
			assertThat(grant.state()).isEqualTo(GrantState.FAILED);
			assertThat(grant.failure())
				.contains("sso:CreateAccountAssignment failed: Received a 404 status error: Not supported account");
			assertThat(grant.grantedAt()).isEmpty();
		});
		assertThat(GrantDesk.grantOf(first, org.b).state()).isEqualTo(GrantState.GRANTED);
		assertThat(entries(requested.subject(), "access-request.grant-failed")).singleElement()
			.satisfies(entry -> assertThat(entry.payload()).contains("\"account\":\"" + org.a + "\"")
				.contains("Not supported account"));
		grantTask.body().run();
		assertThat(aws.calls("CreateAccountAssignment")).hasSize(2);

		requests.retryGrant(requested.id(), org.a, OLGA);
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a).state())
			.isEqualTo(GrantState.GRANTING);
		aws.deny(MANAGEMENT, "CreateAccountAssignment");
		grantTask.body().run();
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a)).satisfies(grant -> {
			assertThat(grant.state()).isEqualTo(GrantState.FAILED);
			assertThat(grant.failure().orElseThrow()).contains("sso:CreateAccountAssignment", "AccessDenied");
		});

		var byHand = requests.confirmGrant(requested.id(), org.a, "assigned in the console", OLGA);

		assertThat(GrantDesk.grantOf(byHand, org.a)).satisfies(grant -> {
			assertThat(grant.state()).isEqualTo(GrantState.GRANTED);
			assertThat(grant.method()).contains(GrantMethod.OPERATOR);
			assertThat(grant.grantedBy()).contains("user:olga");
		});
		assertThatThrownBy(() -> requests.retryGrant(requested.id(), org.a, OLGA))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT))
			.hasMessageContaining("only a FAILED grant can be tried again");
		assertThat(entries(requested.subject(), "access-request.grant-retried")).hasSize(1);
		assertThat(aws.calls("CreateAccountAssignment")).hasSize(3);
	}

	@Test
	void aThrottledCreateIsTriedAgainAfterTheBackoffNotFailed() {
		// the context lets the SDK try twice: both are throttled
		aws.throttle("CreateAccountAssignment", 2);
		var requested = requests.request(draft(List.of(org.a), null), ERIN);
		requests.approve(requested.id(), null, ALICE);

		grantTask.body().run();

		assertThat(aws.calls("CreateAccountAssignment")).hasSize(2)
			.allSatisfy(call -> assertThat(call.status()).isEqualTo(400));
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a).state())
			.isEqualTo(GrantState.GRANTING);
		assertThat(entries(requested.subject(), "access-request.grant-failed")).isEmpty();
		assertThat(ledger.page(Long.MAX_VALUE, 20))
			.anySatisfy(entry -> assertThat(entry.action()).isEqualTo("identity-center.assignment-create-unsettled"));
		grantTask.body().run();
		assertThat(aws.calls("CreateAccountAssignment")).as("not before the backoff").hasSize(2);

		clock.set(clock.instant().plus(Duration.ofMinutes(2)));
		grantTask.body().run();

		assertThat(aws.calls("CreateAccountAssignment")).hasSize(3);
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a)).satisfies(grant -> {
			assertThat(grant.state()).isEqualTo(GrantState.GRANTED);
			assertThat(grant.method()).contains(GrantMethod.IDENTITY_CENTER);
		});
	}

	@Test
	void aGrantClaimedByAnInstanceThatDiedIsMadeByAnotherOnceItsLeaseRunsOut() {
		var requested = requests.request(draft(List.of(org.a), null), ERIN);
		requests.approve(requested.id(), null, ALICE);
		var line = new GrantStore.Line(requested.id(), org.a);
		Instant claimedAt = clock.instant();
		// the claim of an instance that stopped before its call
		assertThat(grants.claim(line, false, "dead-instance", claimedAt, claimedAt.plus(GrantCourier.LEASE))).isTrue();

		clock.set(claimedAt.plus(GrantCourier.LEASE).minusSeconds(1));
		grantTask.body().run();
		assertThat(aws.calls("CreateAccountAssignment")).isEmpty();
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a).state())
			.isEqualTo(GrantState.GRANTING);

		clock.set(claimedAt.plus(GrantCourier.LEASE).plusSeconds(1));
		grantTask.body().run();

		assertThat(aws.calls("CreateAccountAssignment")).singleElement()
			.satisfies(call -> assertThat(fields(call.body())).isEqualTo(org.assignmentCall(org.a)));
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a).state())
			.isEqualTo(GrantState.GRANTED);
		// the dead instance's claim settles nothing any more
		assertThat(grants.failed(line, "dead-instance", "late")).isFalse();
		assertThat(grants.release(line, "dead-instance")).isFalse();
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a).failure()).isEmpty();
	}

	@Test
	void expiredAccessIsDeletedOnIdentityCenterConfirmedAndVerifiedByTheNextInventory() {
		Instant until = clock.instant().plus(Duration.ofHours(2));
		var requested = requests.request(draft(List.of(org.a, org.b), until), ERIN);
		requests.approve(requested.id(), null, ALICE);
		grantTask.body().run();
		clock.set(T1.plus(Duration.ofHours(1)));
		collector.collect(TEST);

		clock.set(until.plus(Duration.ofMinutes(5)));
		expiryTask.body().run();
		assertThat(requests.find(requested.id()).orElseThrow().state()).isEqualTo(AccessRequestState.EXPIRED);
		grantTask.body().run();

		assertThat(aws.calls("DeleteAccountAssignment").stream().map(call -> fields(call.body())))
			.containsExactlyInAnyOrder(org.assignmentCall(org.a), org.assignmentCall(org.b));
		assertThat(center.assignments()).filteredOn(a -> a.principalId().equals("u-1")).isEmpty();
		assertRemovedByIdentityCenter(requested.id(), RemovalReason.EXPIRED, until.plus(Duration.ofMinutes(5)));
		assertThat(entries(requested.subject(), "access-request.assignment-deleted")).hasSize(2);

		Instant next = until.plus(Duration.ofHours(1));
		clock.set(next);
		collector.collect(TEST);
		assertThat(removals.byCause("request:" + requested.id())).hasSize(2)
			.allSatisfy(removal -> assertThat(removal.verifiedAt()).contains(next));
	}

	@Test
	void revokedAccessIsDeletedOnIdentityCenterAndItsCoverEndsAtTheRevocation() {
		var requested = requests.request(draft(List.of(org.a, org.b), null), ERIN);
		requests.approve(requested.id(), null, ALICE);
		grantTask.body().run();
		clock.set(T1.plus(Duration.ofHours(1)));
		collector.collect(TEST);
		Instant revokedAt = T1.plus(Duration.ofHours(2));
		clock.set(revokedAt);

		var revoked = requests.revoke(requested.id(), "the incident is over", ALICE);

		assertThat(revoked.state()).isEqualTo(AccessRequestState.REVOKED);
		assertThat(revoked.endedAt()).contains(revokedAt);
		assertThat(revoked.grants()).extracting(Grant::state).containsOnly(GrantState.ENDED);
		assertThat(coverEnds(requested.id())).containsOnly(revokedAt);
		assertThat(entries(requested.subject(), "access-request.revoked")).singleElement().satisfies(entry -> {
			assertThat(entry.actor()).isEqualTo(ALICE);
			assertThat(entry.payload()).contains("\"revocationReason\":\"the incident is over\"")
				.contains("\"removedBy\":\"IDENTITY_CENTER\"");
		});
		assertThat(aws.calls("DeleteAccountAssignment")).isEmpty();

		grantTask.body().run();

		assertThat(aws.calls("DeleteAccountAssignment").stream().map(call -> fields(call.body())))
			.containsExactlyInAnyOrder(org.assignmentCall(org.a), org.assignmentCall(org.b));
		assertThat(center.assignments()).filteredOn(a -> a.principalId().equals("u-1")).isEmpty();
		assertRemovedByIdentityCenter(requested.id(), RemovalReason.REVOKED, revokedAt);
		clock.set(revokedAt.plus(Duration.ofHours(1)));
		collector.collect(TEST);
		assertThat(removals.byCause("request:" + requested.id()))
			.allSatisfy(removal -> assertThat(removal.verifiedAt()).isPresent());
		assertThat(coveredHoldings(clock.instant())).isEmpty();
	}

	@Test
	void aRevocationWhileAwsStillCreatesTheAssignmentDeletesItAfterTheCreateNeverBefore() throws Exception {
		var requested = requests.request(draft(List.of(org.a), null), ERIN);
		requests.approve(requested.id(), null, ALICE);
		var gate = aws.hold("CreateAccountAssignment");
		try (var executor = Executors.newSingleThreadExecutor()) {
			var granting = executor.submit(() -> grantTask.body().run());
			gate.awaitArrival();

			requests.revoke(requested.id(), "asked for the wrong person", ALICE);
			grantTask.body().run();
			assertThat(aws.calls("DeleteAccountAssignment")).isEmpty();

			gate.open();
			granting.get(30, TimeUnit.SECONDS);
		}
		// the sweep that made the create deletes it next, now that its claim is let go
		assertThat(aws.calls()).extracting(LocalAws.Call::operation)
			.filteredOn(operation -> operation.endsWith("AccountAssignment"))
			.containsExactly("CreateAccountAssignment", "DeleteAccountAssignment");
		assertThat(aws.calls("DeleteAccountAssignment")).singleElement()
			.satisfies(call -> assertThat(fields(call.body())).isEqualTo(org.assignmentCall(org.a)));
		assertThat(center.assignments()).filteredOn(a -> a.principalId().equals("u-1")).isEmpty();
		assertThat(entries(requested.subject(), "access-request.granted-after-end")).singleElement()
			.satisfies(entry -> assertThat(entry.payload()).contains("\"state\":\"REVOKED\""));
		assertThat(entries(requested.subject(), "access-request.granted")).isEmpty();
		assertThat(GrantDesk.grantOf(requests.find(requested.id()).orElseThrow(), org.a).state())
			.isEqualTo(GrantState.ENDED);
		assertRemovedByIdentityCenter(requested.id(), RemovalReason.REVOKED, clock.instant());
	}

	// ---- helpers

	private AccessRequestDraft draft(List<String> accounts, @Nullable Instant until) {
		return new AccessRequestDraft(org.taro, AccessRequestKind.PERMISSION_SET, org.readOnlyName, accounts,
				"to investigate the incident on the payment API", until, null);
	}

	private void assertRemovedByIdentityCenter(long request, RemovalReason reason, Instant at) {
		assertThat(removals.byCause("request:" + request)).hasSize(requests.find(request).orElseThrow().grants().size())
			.allSatisfy(removal -> {
				assertThat(removal.reason()).isEqualTo(reason);
				assertThat(removal.principal()).isEqualTo(org.taro);
				assertThat(removal.entitlement()).isEqualTo(org.readOnlyName);
				assertThat(removal.method()).contains(RemovalMethod.IDENTITY_CENTER);
				assertThat(removal.removedAt()).contains(at);
				assertThat(removal.removedBy()).contains("system:access-requests");
				assertThat(removal.note().orElseThrow()).startsWith("DeleteAccountAssignment req-");
			});
	}

	/** The fields of an assignment call AWS documents, as sent. */
	private static String fields(String body) {
		JsonNode json = JSON.readTree(body);
		return String.join("|", json.path("InstanceArn").asString(), json.path("TargetId").asString(),
				json.path("TargetType").asString(), json.path("PermissionSetArn").asString(),
				json.path("PrincipalType").asString(), json.path("PrincipalId").asString());
	}

	private List<String> creationRequestIds() {
		return aws.calls("DescribeAccountAssignmentCreationStatus")
			.stream()
			.map(call -> JSON.readTree(call.body()).path("AccountAssignmentCreationRequestId").asString())
			.distinct()
			.toList();
	}

	private List<EvidenceEntry> entries(String subject, String action) {
		return ledger.about(subject, 50).stream().filter(entry -> entry.action().equals(action)).toList();
	}

	/**
	 * This test's ASSIGNMENT holdings held at {@code at} that an approved request's cover
	 * covers then, as person|account|entitlement|request.
	 */
	private List<String> coveredHoldings(Instant at) {
		return jdbc
			.sql("SELECT h.person, h.account_id, h.entitlement, c.request_id FROM access_holding h JOIN access_cover c"
					+ " ON c.person = h.person AND c.account_id = h.account_id AND c.kind = h.kind"
					+ " AND c.entitlement = h.entitlement WHERE h.kind = 'ASSIGNMENT' AND h.via = ''"
					+ " AND h.entitlement_ref = :ref AND h.first_seen <= :at AND (h.gone_at IS NULL OR h.gone_at > :at)"
					+ " AND c.valid_from <= :at AND (c.valid_until IS NULL OR c.valid_until > :at)")
			.param("ref", org.readOnly)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query((rs, row) -> rs.getString(1) + "|" + rs.getString(2).strip() + "|" + rs.getString(3) + "|"
					+ rs.getLong(4))
			.list();
	}

	private List<Instant> coverEnds(long request) {
		return jdbc.sql("SELECT valid_until FROM access_cover WHERE request_id = :id")
			.param("id", request)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
				.map(OffsetDateTime::toInstant)
				.orElse(Instant.MAX))
			.list();
	}

	/** One test's Organization: two member accounts, its Identity Center and people. */
	static final class Org {

		final String a;

		final String b;

		final String instance;

		final String store;

		final String readOnly;

		final String readOnlyName;

		final String admin;

		final String taro;

		final String hanako;

		Org(int n) {
			this.a = "4444444444" + n;
			this.b = "5555555555" + n;
			this.instance = "arn:aws:sso:::instance/ssoins-88880000000000" + n;
			this.store = "d-91000000" + n;
			this.readOnly = instance.replace(":instance/", ":permissionSet/") + "/ps-cccc00000000cc" + n;
			this.readOnlyName = "ReadOnly" + n;
			this.admin = instance.replace(":instance/", ":permissionSet/") + "/ps-dddd00000000dd" + n;
			this.taro = "Taro.Yamada" + n + "@Example.com";
			this.hanako = "hanako.sato" + n + "@example.com";
		}

		String taroKey() {
			return taro.toLowerCase();
		}

		LocalIdentityCenter script() {
			return aws.identityCenter(instance, store, MANAGEMENT)
				.user("u-1", taro, "Taro Yamada", taro.toLowerCase())
				.user("u-2", hanako, "Hanako Sato", hanako)
				.group("g-1", "Admins")
				.member("g-1", "u-2")
				.permissionSet(readOnly, readOnlyName, "", "ReadOnlyAccess")
				.permissionSet(admin, "Admin" + a, "", "AdministratorAccess")
				.assign(a, admin, "GROUP", "g-1");
		}

		/**
		 * CreateAccountAssignment's (and Delete's) fields for taro's ReadOnly on an
		 * account.
		 */
		String assignmentCall(String account) {
			return String.join("|", instance, account, "AWS_ACCOUNT", readOnly, "USER", "u-1");
		}

	}

}
