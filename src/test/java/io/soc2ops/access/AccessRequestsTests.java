package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.alerting.SlackReceiver;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Users;

/**
 * Access requests from request to grant and expiry: approvers who are neither the
 * requester nor the person decide, two distinct ones for a privileged permission set; the
 * approval writes the cover; an operator confirms the grant; the end opens removals;
 * refused steps change nothing; approvers hear of requests in Slack (the real alert
 * routes and Slack SDK, to a local receiver), and are reminded. The tests share one
 * context and use accounts of their own.
 */
@AccessRequestContext
class AccessRequestsTests {

	static final SlackReceiver SLACK = AccessRequestTestSupport.SLACK;

	static final Instant NOW = Instant.parse("2026-10-05T01:00:00Z");

	static final Actor ERIN = Actor.user("erin");

	static final Actor ALICE = Actor.user("alice");

	static final Actor BOB = Actor.user("bob");

	/** An engineer who is also an approver. */
	static final Actor ANN = Actor.user("ann");

	static final Actor OLGA = Actor.user("olga");

	@Autowired
	AccessRequests requests;

	@Autowired
	GrantExpiry expiry;

	@Autowired
	AccessRequestNotices notices;

	@Autowired
	AccessMessageCourier courier;

	@Autowired
	AccessRemovals removals;

	@Autowired
	AwsAccounts accounts;

	@Autowired
	Users users;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	String account;

	@BeforeEach
	void peopleAccountsAndInventory() {
		clock.set(NOW);
		account = AccessRequestTestSupport.prepare(users, jdbc, accounts, NOW);
	}

	@Test
	void anEngineerRequestsAnApproverApprovesAnOperatorConfirmsTheGrantAndTheCoverIsWritten() {
		String second = AccessRequestFixtures.account(accounts);
		Instant until = NOW.plus(Duration.ofDays(7));

		var requested = requests.request(
				draft("ReadOnly", List.of(account, second), until, "https://example.atlassian.net/browse/OPS-12"),
				ERIN);
		assertThat(requested.state()).isEqualTo(AccessRequestState.PENDING);
		assertThat(requested.person()).isEqualTo(new PersonKey("erin@example.com"));
		assertThat(requested.entitlementRef()).isEqualTo(AccessRequestFixtures.READ_ONLY);
		assertThat(requested.approvalsNeeded()).isEqualTo(1);
		assertThat(requested.ticket()).map(AccessTicket::label).contains("Jira OPS-12");
		assertThat(requested.grants()).extracting(Grant::state).containsOnly(GrantState.WAITING);
		assertThat(cover(requested.id())).isEmpty();

		clock.set(NOW.plus(Duration.ofHours(1)));
		var approved = requests.approve(requested.id(), "on call next week", ALICE);
		assertThat(approved.state()).isEqualTo(AccessRequestState.APPROVED);
		assertThat(approved.grants()).extracting(Grant::state).containsOnly(GrantState.TO_GRANT);
		assertThat(cover(requested.id())).containsExactlyInAnyOrder(
				account + "|erin@example.com|ASSIGNMENT|ReadOnly|" + NOW.plus(Duration.ofHours(1)) + "|" + until,
				second + "|erin@example.com|ASSIGNMENT|ReadOnly|" + NOW.plus(Duration.ofHours(1)) + "|" + until);

		var granted = requests.confirmGrant(requested.id(), account, "assigned in the console", OLGA);
		var grant = GrantDesk.grantOf(granted, account);
		assertThat(grant.state()).isEqualTo(GrantState.GRANTED);
		assertThat(grant.method()).contains(GrantMethod.OPERATOR);
		assertThat(grant.grantedBy()).contains("user:olga");
		assertThat(GrantDesk.grantOf(granted, second).state()).isEqualTo(GrantState.TO_GRANT);
		assertThatThrownBy(() -> requests.confirmGrant(requested.id(), account, null, OLGA)).isInstanceOfSatisfying(
				AccessRefused.class, ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT));
		assertThatThrownBy(() -> requests.confirmGrant(requested.id(), second, null, ERIN)).isInstanceOfSatisfying(
				AccessRefused.class, ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN));

		assertThat(ledger.about(requested.subject(), 10)).extracting(EvidenceEntry::action)
			.containsExactlyInAnyOrder("access-request.requested", "access-request.approved", "access-request.granted");
		var approval = entry(requested.subject(), "access-request.approved");
		assertThat(approval.actor()).isEqualTo(ALICE);
		assertThat(approval.payload()).contains("\"decisive\":true")
			.contains("\"entitlement\":\"ReadOnly\"")
			.contains("\"person\":\"erin@example.com\"");
	}

	@Test
	void aPrivilegedPermissionSetNeedsTwoDistinctApprovers() {
		var requested = requests.request(draft("AdministratorAccess", List.of(account), null, null), ERIN);
		assertThat(requested.privileged()).isTrue();
		assertThat(requested.approvalsNeeded()).isEqualTo(2);

		var once = requests.approve(requested.id(), null, ALICE);
		assertThat(once.state()).isEqualTo(AccessRequestState.PENDING);
		assertThat(once.approved()).isEqualTo(1);
		assertThat(cover(requested.id())).isEmpty();
		long before = ledger.size();
		assertThatThrownBy(() -> requests.approve(requested.id(), null, ALICE))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT))
			.hasMessageContaining("alice has already decided");
		assertThat(ledger.size()).isEqualTo(before);

		var twice = requests.approve(requested.id(), null, BOB);
		assertThat(twice.state()).isEqualTo(AccessRequestState.APPROVED);
		assertThat(twice.approvals()).extracting(Approval::approver).containsExactly("user:alice", "user:bob");
		assertThat(cover(requested.id())).singleElement().asString().endsWith("|null");
	}

	@Test
	void aPermissionSetWithAdministratorAccessAmongItsPoliciesIsPrivilegedWhateverItsName() {
		assertThat(requests.request(draft("PowerAdmin", List.of(account), null, null), ERIN).approvalsNeeded())
			.isEqualTo(2);
	}

	@Test
	void nobodyApprovesTheirOwnRequestNorAccessForThemselves() {
		var own = requests.request(draft("ReadOnly", List.of(account), null, null), ANN);
		assertThatThrownBy(() -> requests.approve(own.id(), null, ANN))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN))
			.hasMessageContaining("ann requested access request " + own.id());

		var forAlice = requests.request(new AccessRequestDraft("Alice@Example.com", AccessRequestKind.PERMISSION_SET,
				"ReadOnly", List.of(account), "pairing on the migration", null, null), ERIN);
		assertThatThrownBy(() -> requests.approve(forAlice.id(), null, ALICE))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN))
			.hasMessageContaining("is for alice@example.com");

		assertThatThrownBy(() -> requests.approve(own.id(), null, ERIN))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN))
			.hasMessageContaining("needs one of the roles");
		assertThat(requests.find(own.id()).orElseThrow().approvals()).isEmpty();
		assertThat(requests.find(forAlice.id()).orElseThrow().state()).isEqualTo(AccessRequestState.PENDING);
	}

	@Test
	void aRejectionEndsTheRequestAndNobodyApprovesItAfterwards() {
		var requested = requests.request(draft("AdministratorAccess", List.of(account), null, null), ERIN);
		requests.approve(requested.id(), null, ALICE);
		assertThatThrownBy(() -> requests.reject(requested.id(), " ", BOB)).isInstanceOf(AccessRefused.class)
			.hasMessageStartingWith("note:");

		var rejected = requests.reject(requested.id(), "use ReadOnly instead", BOB);
		assertThat(rejected.state()).isEqualTo(AccessRequestState.REJECTED);
		assertThatThrownBy(() -> requests.approve(requested.id(), null, ANN))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT))
			.hasMessageContaining("is REJECTED");
		assertThat(cover(requested.id())).isEmpty();
		assertThat(entry(requested.subject(), "access-request.rejected").payload())
			.contains("\"note\":\"use ReadOnly instead\"");
	}

	@Test
	void onlyItsRequesterWithdrawsAPendingRequest() {
		var requested = requests.request(draft("ReadOnly", List.of(account), null, null), ERIN);
		assertThatThrownBy(() -> requests.withdraw(requested.id(), ANN)).isInstanceOfSatisfying(AccessRefused.class,
				ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN));

		assertThat(requests.withdraw(requested.id(), ERIN).state()).isEqualTo(AccessRequestState.WITHDRAWN);
		assertThatThrownBy(() -> requests.approve(requested.id(), null, ALICE)).isInstanceOf(AccessRefused.class)
			.hasMessageContaining("is WITHDRAWN");
	}

	@Test
	void twoApproversAtOnceOnAOneApprovalRequestMakeExactlyOneDecisiveApproval() throws Exception {
		var requested = requests.request(draft("ReadOnly", List.of(account), null, null), ERIN);

		var outcomes = race(() -> requests.approve(requested.id(), null, ALICE),
				() -> requests.approve(requested.id(), null, BOB));

		assertThat(outcomes).containsExactlyInAnyOrder("APPROVED", "CONFLICT");
		var approved = requests.find(requested.id()).orElseThrow();
		assertThat(approved.state()).isEqualTo(AccessRequestState.APPROVED);
		assertThat(approved.approvals()).hasSize(1);
		assertThat(cover(requested.id())).hasSize(1);
		assertThat(ledger.about(requested.subject(), 10)).extracting(EvidenceEntry::action)
			.containsExactlyInAnyOrder("access-request.requested", "access-request.approved");
	}

	@Test
	void twoApproversAtOnceOnAPrivilegedRequestApproveItOnce() throws Exception {
		var requested = requests.request(draft("AdministratorAccess", List.of(account), null, null), ERIN);

		var outcomes = race(() -> requests.approve(requested.id(), null, ALICE),
				() -> requests.approve(requested.id(), null, BOB));

		assertThat(outcomes).hasSize(2).doesNotContain("CONFLICT");
		var approved = requests.find(requested.id()).orElseThrow();
		assertThat(approved.state()).isEqualTo(AccessRequestState.APPROVED);
		assertThat(approved.approvals()).hasSize(2);
		assertThat(cover(requested.id())).hasSize(1);
		assertThat(ledger.about(requested.subject(), 10)).extracting(EvidenceEntry::payload)
			.filteredOn(payload -> payload.contains("\"decisive\":true"))
			.hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "accounts", "entitlement", "ticketUrl", "reason", "until", "person" })
	void aBadPartIsRefusedNamingItsFieldAndNothingIsStored(String field) {
		long before = count("access_request");
		long entries = ledger.size();
		var good = draft("ReadOnly", List.of(account), NOW.plus(Duration.ofDays(1)), null);
		var bad = switch (field) {
			case "accounts" -> new AccessRequestDraft(null, good.kind(), good.entitlement(),
					List.of(account, "999999999999"), good.reason(), good.until(), null);
			case "entitlement" -> new AccessRequestDraft(null, good.kind(), "NoSuchSet", good.accounts(), good.reason(),
					good.until(), null);
			case "ticketUrl" -> new AccessRequestDraft(null, good.kind(), good.entitlement(), good.accounts(),
					good.reason(), good.until(), "http://example.atlassian.net/browse/OPS-1");
			case "reason" -> new AccessRequestDraft(null, good.kind(), good.entitlement(), good.accounts(),
					"x".repeat(2001), good.until(), null);
			case "until" -> new AccessRequestDraft(null, good.kind(), good.entitlement(), good.accounts(),
					good.reason(), NOW.minus(Duration.ofMinutes(1)), null);
			default -> new AccessRequestDraft(null, good.kind(), good.entitlement(), good.accounts(), good.reason(),
					good.until(), null);
		};
		Actor by = field.equals("person") ? OLGA : ERIN;

		assertThatThrownBy(() -> requests.request(bad, by))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.INVALID))
			.hasMessageStartingWith(field + ":");

		assertThat(count("access_request")).isEqualTo(before);
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void accessPastItsEndExpiresIntoARemovalAndItsCoverEnds() {
		Instant until = NOW.plus(Duration.ofHours(2));
		var requested = requests.request(draft("ReadOnly", List.of(account), until, null), ERIN);
		requests.approve(requested.id(), null, ALICE);
		requests.confirmGrant(requested.id(), account, null, OLGA);

		clock.set(NOW.plus(Duration.ofHours(1)));
		expiry.sweep();
		assertThat(requests.find(requested.id()).orElseThrow().state()).isEqualTo(AccessRequestState.APPROVED);

		clock.set(NOW.plus(Duration.ofHours(3)));
		assertThat(expiry.sweep()).isGreaterThanOrEqualTo(1);
		assertThat(expiry.sweep()).isZero();

		var expired = requests.find(requested.id()).orElseThrow();
		assertThat(expired.state()).isEqualTo(AccessRequestState.EXPIRED);
		var grant = GrantDesk.grantOf(expired, account);
		assertThat(grant.state()).isEqualTo(GrantState.ENDED);
		var removal = removals.byCause("request:" + requested.id());
		assertThat(removal).singleElement().satisfies(r -> {
			assertThat(r.reason()).isEqualTo(RemovalReason.EXPIRED);
			assertThat(r.kind()).isEqualTo(HoldingKind.ASSIGNMENT);
			assertThat(r.accountId()).isEqualTo(account);
			assertThat(r.principal()).isEqualTo("Erin@Example.com");
			assertThat(r.entitlement()).isEqualTo("ReadOnly");
			assertThat(r.dueAt()).isEqualTo(until.plus(Duration.ofHours(24)));
			assertThat(r.done()).isFalse();
		});
		assertThat(grant.removalId()).contains(removal.getFirst().id());
		assertThat(cover(requested.id())).singleElement().asString().endsWith("|" + until);
		assertThat(entry(requested.subject(), "access-request.expired").payload())
			.contains("\"removal\":" + removal.getFirst().id());
	}

	@Test
	void approversAreToldOfARequestInSlackAndRemindedWhileItWaits() {
		var requested = requests
			.request(draft("ReadOnly", List.of(account), null, "https://github.com/acme/infra/issues/42"), ERIN);
		String marker = "soc2ops access request " + requested.id();

		courier.deliver();
		var first = messages(marker);
		assertThat(first).singleElement()
			.asString()
			.contains("Access request " + requested.id() + ": ReadOnly")
			.contains("https://soc2ops.example.com/access/requests/" + requested.id())
			.contains("GitHub acme/infra#42")
			.contains("erin@example.com");
		assertThat(entry(requested.subject(), "access-request.notified").payload())
			.contains("\"message\":\"REQUESTED\"");

		clock.set(NOW.plus(Duration.ofHours(23)));
		notices.remind();
		courier.deliver();
		assertThat(messages(marker)).hasSize(1);

		clock.set(NOW.plus(Duration.ofHours(25)));
		notices.remind();
		notices.remind();
		courier.deliver();
		assertThat(messages(marker)).hasSize(2).last().asString().contains("still waits for a decision");

		requests.approve(requested.id(), null, ALICE);
		clock.set(NOW.plus(Duration.ofHours(60)));
		notices.remind();
		courier.deliver();
		assertThat(messages(marker)).hasSize(2);
	}

	private List<String> messages(String marker) {
		return SLACK.requests()
			.stream()
			.filter(r -> r.status() == 200)
			.map(SlackReceiver.Request::body)
			.filter(body -> body.contains(marker + "\""))
			.toList();
	}

	private static AccessRequestDraft draft(String permissionSet, List<String> accounts, @Nullable Instant until,
			@Nullable String ticket) {
		return new AccessRequestDraft(null, AccessRequestKind.PERMISSION_SET, permissionSet, accounts,
				"to investigate the incident on the payment API", until, ticket);
	}

	/** The request's cover lines as account|person|kind|entitlement|from|until. */
	private List<String> cover(long request) {
		return jdbc.sql("SELECT * FROM access_cover WHERE request_id = :id ORDER BY account_id")
			.param("id", request)
			.query((rs, row) -> rs.getString("account_id").strip() + "|" + rs.getString("person") + "|"
					+ rs.getString("kind") + "|" + rs.getString("entitlement") + "|"
					+ rs.getObject("valid_from", OffsetDateTime.class).toInstant() + "|"
					+ (rs.getObject("valid_until", OffsetDateTime.class) == null ? "null"
							: rs.getObject("valid_until", OffsetDateTime.class).toInstant()))
			.list();
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private EvidenceEntry entry(String subject, String action) {
		return ledger.about(subject, 20).stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
	}

	/**
	 * Runs both at once; each outcome is the request's state, or the refusal's reason.
	 */
	private static List<String> race(java.util.concurrent.Callable<AccessRequest> one,
			java.util.concurrent.Callable<AccessRequest> other) throws Exception {
		var start = new CountDownLatch(1);
		var outcomes = Collections.synchronizedList(new ArrayList<String>());
		try (var executor = Executors.newFixedThreadPool(2)) {
			var futures = new ArrayList<Future<?>>();
			for (var call : List.of(one, other)) {
				futures.add(executor.submit(() -> {
					start.await();
					try {
						outcomes.add(call.call().state().name());
					}
					catch (AccessRefused ex) {
						outcomes.add(ex.reason().name());
					}
					return null;
				}));
			}
			start.countDown();
			for (var future : futures) {
				future.get();
			}
		}
		return outcomes;
	}

}
