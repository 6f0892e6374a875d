package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Users;

/**
 * Revoking approved access where operators grant by hand: its cover ends at the
 * revocation, each account gets a {@code REVOKED} removal for an operator (none where
 * another approved request still covers the access), the request is REVOKED and nothing
 * more is granted on it; who may revoke, a missing reason and a request not in force are
 * refused and change nothing. Shares the {@code access-requests} context.
 */
@AccessRequestContext
class RevocationTests {

	static final Instant NOW = Instant.parse("2026-10-05T01:00:00Z");

	static final Actor ERIN = Actor.user("erin");

	static final Actor ALICE = Actor.user("alice");

	static final Actor BOB = Actor.user("bob");

	static final Actor OLGA = Actor.user("olga");

	@Autowired
	AccessRequests requests;

	@Autowired
	GrantExpiry expiry;

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
	void aRevocationEndsTheCoverNowAndOpensARemovalPerAccountForAnOperator() {
		String second = AccessRequestFixtures.account(accounts);
		Instant until = NOW.plus(Duration.ofDays(7));
		var requested = requests.request(draft(List.of(account, second), until), ERIN);
		requests.approve(requested.id(), null, ALICE);
		requests.confirmGrant(requested.id(), account, null, OLGA);
		Instant revokedAt = NOW.plus(Duration.ofHours(3));
		clock.set(revokedAt);

		var revoked = requests.revoke(requested.id(), "  left the on-call rotation  ", BOB);

		assertThat(revoked.state()).isEqualTo(AccessRequestState.REVOKED);
		assertThat(revoked.endedAt()).contains(revokedAt);
		assertThat(revoked.grants()).extracting(Grant::state).containsOnly(GrantState.ENDED);
		assertThat(coverEnds(requested.id())).containsExactly(revokedAt, revokedAt);
		var opened = removals.byCause("request:" + requested.id());
		assertThat(opened).hasSize(2).allSatisfy(removal -> {
			assertThat(removal.reason()).isEqualTo(RemovalReason.REVOKED);
			assertThat(removal.kind()).isEqualTo(HoldingKind.ASSIGNMENT);
			assertThat(removal.principal()).isEqualTo("Erin@Example.com");
			assertThat(removal.entitlement()).isEqualTo("ReadOnly");
			assertThat(removal.openedAt()).isEqualTo(revokedAt);
			assertThat(removal.dueAt()).isEqualTo(revokedAt.plus(Duration.ofHours(24)));
			assertThat(removal.done()).isFalse();
		});
		assertThat(opened).extracting(Removal::accountId).containsExactlyInAnyOrder(account, second);
		assertThat(revoked.grants()).extracting(grant -> grant.removalId().orElseThrow())
			.containsExactlyInAnyOrderElementsOf(opened.stream().map(Removal::id).toList());
		var entry = entry(requested.subject(), "access-request.revoked");
		assertThat(entry.actor()).isEqualTo(BOB);
		assertThat(entry.payload()).contains("\"revocationReason\":\"left the on-call rotation\"")
			.contains("\"removedBy\":\"OPERATOR\"")
			.contains("\"state\":\"REVOKED\"")
			.contains("\"removal\":" + opened.getFirst().id());

		assertThatThrownBy(() -> requests.confirmGrant(requested.id(), second, null, OLGA))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT))
			.hasMessageContaining("is REVOKED");
		clock.set(until.plus(Duration.ofHours(1)));
		expiry.sweep();
		assertThat(requests.find(requested.id()).orElseThrow().state()).isEqualTo(AccessRequestState.REVOKED);
		assertThat(removals.byCause("request:" + requested.id())).hasSize(2);
	}

	@Test
	void accessAnotherApprovedRequestStillCoversGetsNoRemoval() {
		var first = requests.request(draft(List.of(account), null), ERIN);
		requests.approve(first.id(), null, ALICE);
		var second = requests.request(draft(List.of(account), NOW.plus(Duration.ofDays(30))), ERIN);
		requests.approve(second.id(), null, ALICE);

		var revoked = requests.revoke(first.id(), "the later request replaces it", OLGA);

		assertThat(revoked.state()).isEqualTo(AccessRequestState.REVOKED);
		assertThat(removals.byCause("request:" + first.id())).isEmpty();
		assertThat(GrantDesk.grantOf(revoked, account).removalId()).isEmpty();
		assertThat(entry(first.subject(), "access-request.revoked").payload())
			.contains("\"stillCoveredBy\":\"access-request:" + second.id() + "\"");
		assertThat(requests.find(second.id()).orElseThrow().state()).isEqualTo(AccessRequestState.APPROVED);
	}

	@Test
	void whoMayRevokeAndWhatIsRefusedChangeNothing() {
		var pending = requests.request(draft(List.of(account), null), ERIN);
		var approved = requests.request(draft(List.of(account), null), ERIN);
		requests.approve(approved.id(), null, ALICE);
		long entries = ledger.size();

		assertThatThrownBy(() -> requests.revoke(approved.id(), "no longer needed", ERIN))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN))
			.hasMessageContaining("erin may not revoke access");
		assertThatThrownBy(() -> requests.revoke(approved.id(), " ", ALICE))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.INVALID))
			.hasMessageStartingWith("reason: is required");
		assertThatThrownBy(() -> requests.revoke(approved.id(), "x".repeat(2001), ALICE))
			.isInstanceOf(AccessRefused.class)
			.hasMessageStartingWith("reason: is 2001 characters");
		assertThatThrownBy(() -> requests.revoke(pending.id(), "no longer needed", ALICE))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT))
			.hasMessage("access request " + pending.id()
					+ " is PENDING; only an APPROVED request (in force) can be revoked");
		assertThatThrownBy(() -> requests.revoke(Long.MAX_VALUE, "no longer needed", ALICE)).isInstanceOfSatisfying(
				AccessRefused.class, ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.NOT_FOUND));
		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(requests.find(approved.id()).orElseThrow().state()).isEqualTo(AccessRequestState.APPROVED);
		assertThat(coverEnds(approved.id())).containsExactly(Instant.MAX);
		assertThat(removals.byCause("request:" + approved.id())).isEmpty();

		requests.revoke(approved.id(), "no longer needed", ALICE);
		assertThatThrownBy(() -> requests.revoke(approved.id(), "again", OLGA))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT))
			.hasMessageContaining("is REVOKED");
		assertThat(removals.byCause("request:" + approved.id())).hasSize(1);
	}

	private static AccessRequestDraft draft(List<String> accounts, @Nullable Instant until) {
		return new AccessRequestDraft(null, AccessRequestKind.PERMISSION_SET, "ReadOnly", accounts,
				"to investigate the incident on the payment API", until, null);
	}

	/** The request's cover ends by account; {@link Instant#MAX}: until revoked. */
	private List<Instant> coverEnds(long request) {
		return jdbc.sql("SELECT valid_until FROM access_cover WHERE request_id = :id ORDER BY account_id")
			.param("id", request)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
				.map(OffsetDateTime::toInstant)
				.orElse(Instant.MAX))
			.list();
	}

	private EvidenceEntry entry(String subject, String action) {
		return ledger.about(subject, 20).stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
	}

}
