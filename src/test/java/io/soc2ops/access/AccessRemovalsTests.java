package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * A removal is opened once per cause and holding, confirmed once, and verified when the
 * inventory no longer lists the holding; each step is in the ledger.
 */
@SpringBootTest(properties = "soc2ops.test.context=access-removals")
@Import(MovableClock.Configuration.class)
class AccessRemovalsTests {

	static final Instant NOW = Instant.parse("2026-10-05T01:00:00Z");

	@Autowired
	AccessRemovals removals;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void aRemovalIsOpenedOnceConfirmedOnceAndVerifiedWhenTheHoldingIsGone() {
		clock.set(NOW);
		var holding = holding("111111111111", "taro@example.com");
		var removal = removals.open(RemovalReason.OFFBOARDING, "offboarding:1", holding, NOW.plus(Duration.ofDays(1)),
				Actor.user("alice"));
		assertThat(removals.open(RemovalReason.OFFBOARDING, "offboarding:1", holding, NOW, Actor.user("alice")).id())
			.isEqualTo(removal.id());
		assertThat(removal.done()).isFalse();
		assertThat(removals.pending(10)).extracting(Removal::id).contains(removal.id());

		clock.set(NOW.plus(Duration.ofHours(3)));
		var confirmed = removals.confirm(removal.id(), RemovalMethod.OPERATOR, Actor.user("bob"), "removed in console");
		assertThat(confirmed.removedAt()).contains(NOW.plus(Duration.ofHours(3)));
		assertThat(confirmed.removedBy()).contains("user:bob");
		assertThatThrownBy(() -> removals.confirm(removal.id(), RemovalMethod.OPERATOR, Actor.user("bob"), ""))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("confirmed already");

		Instant gone = NOW.plus(Duration.ofHours(4));
		jdbc.sql("UPDATE access_holding SET gone_at = :gone WHERE id = :id")
			.param("gone", OffsetDateTime.ofInstant(gone, ZoneOffset.UTC))
			.param("id", holding.id())
			.update();
		assertThat(removals.verifyGone(gone)).isGreaterThanOrEqualTo(1);
		var verified = removals.find(removal.id()).orElseThrow();
		assertThat(verified.verifiedAt()).contains(gone);
		assertThat(verified.doneAt()).contains(NOW.plus(Duration.ofHours(3)));
		assertThat(ledger.about("access-removal:" + removal.id(), 10)).extracting(entry -> entry.action())
			.containsExactlyInAnyOrder("access.removal-opened", "access.removal-confirmed", "access.removal-verified");
	}

	@Test
	void aRemovalWhoseHoldingIsStillListedIsNotVerified() {
		clock.set(NOW);
		var holding = holding("222222222222", "hanako@example.com");
		var removal = removals.open(RemovalReason.REVIEW, "review-item:7", holding, NOW, Actor.user("alice"));
		removals.verifyGone(NOW);
		assertThat(removals.find(removal.id()).orElseThrow().verifiedAt()).isEmpty();
	}

	@Test
	void confirmingAnUnknownRemovalOrWithAHugeNoteIsRefused() {
		assertThatThrownBy(() -> removals.confirm(987654, RemovalMethod.OPERATOR, Actor.user("bob"), ""))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("removal 987654 does not exist");
		assertThatThrownBy(() -> removals.confirm(1, RemovalMethod.OPERATOR, Actor.user("bob"), "x".repeat(2001)))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("note");
	}

	private Holding holding(String account, String person) {
		jdbc.sql("INSERT INTO access_holding (kind, account_id, person, principal, entitlement, entitlement_ref, via,"
				+ " first_seen) VALUES ('ASSIGNMENT', :account, :person, :person, 'AdministratorAccess',"
				+ " 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', '', :seen)")
			.param("account", account)
			.param("person", person)
			.param("seen", OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(30)), ZoneOffset.UTC))
			.update();
		long id = jdbc.sql("SELECT MAX(id) FROM access_holding").query(Long.class).single();
		return new Holding(id, HoldingKind.ASSIGNMENT, account, new PersonKey(person), person, "AdministratorAccess",
				"arn:aws:sso:::permissionSet/ssoins-1/ps-1", "", NOW.minus(Duration.ofDays(30)), Optional.empty());
	}

}
