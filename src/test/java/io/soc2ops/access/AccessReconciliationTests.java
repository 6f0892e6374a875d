package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.MovableClock;
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.catalog.TestOutcome;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * Every current holding is matched to cover from an approved, unexpired request for the
 * same person, account, kind and entitlement; the rest are unapproved-access exceptions,
 * resolved when a request comes to cover them or the holding is gone, announced once,
 * counted as the ACC-03 control test, and replayable for any past moment. Holdings and
 * cover are written with SQL as the inventory and the requests write them.
 */
@SpringBootTest(properties = { ReconciliationFixtures.CONTEXT, ReconciliationFixtures.ROUTE_PROPERTY,
		ReconciliationFixtures.ON_CHANGE, ReconciliationFixtures.DELIVERY, ReconciliationFixtures.INTERVAL,
		ReconciliationFixtures.SITE })
@AutoConfigureMockMvc
@Import({ MovableClock.Configuration.class, ReconciliationFixtures.Routes.class })
class AccessReconciliationTests {

	static final String ADMIN = "AdministratorAccess";

	static final String READ = "ReadOnlyAccess";

	@Autowired
	AccessReconciliation reconciliation;

	@Autowired
	ReconciliationTrigger trigger;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	ControlTests controlTests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	ReconciliationFixtures fixtures;

	String account;

	Instant now;

	Instant monthAgo;

	@BeforeEach
	void now() {
		now = ReconciliationFixtures.nextNow();
		monthAgo = now.minus(Duration.ofDays(30));
		clock.set(now);
		fixtures = new ReconciliationFixtures(jdbc);
		account = ReconciliationFixtures.account();
	}

	@Test
	void exactlyTheHoldingsWithoutValidCoverForTheirAccountAndEntitlementAreExceptions() {
		String other = ReconciliationFixtures.account();
		long covered = fixtures.assignment(account, "covered@example.com", ADMIN, monthAgo);
		fixtures.cover(account, "covered@example.com", HoldingKind.ASSIGNMENT, ADMIN, monthAgo, null);
		long none = fixtures.assignment(account, "none@example.com", ADMIN, monthAgo);
		long otherAccount = fixtures.assignment(account, "elsewhere@example.com", ADMIN, monthAgo);
		fixtures.cover(other, "elsewhere@example.com", HoldingKind.ASSIGNMENT, ADMIN, monthAgo, null);
		long otherSet = fixtures.assignment(account, "reader@example.com", ADMIN, monthAgo);
		fixtures.cover(account, "reader@example.com", HoldingKind.ASSIGNMENT, READ, monthAgo, null);
		long expired = fixtures.assignment(account, "expired@example.com", ADMIN, monthAgo);
		fixtures.cover(account, "expired@example.com", HoldingKind.ASSIGNMENT, ADMIN, monthAgo,
				now.minus(Duration.ofDays(1)));
		long notYet = fixtures.assignment(account, "early@example.com", ADMIN, monthAgo);
		fixtures.cover(account, "early@example.com", HoldingKind.ASSIGNMENT, ADMIN, now.plus(Duration.ofDays(1)), null);
		long iamUser = fixtures.holding(HoldingKind.IAM_USER, account, "deploy-bot", HoldingKind.IAM_USER_ENTITLEMENT,
				"", monthAgo);
		fixtures.cover(account, "deploy-bot", HoldingKind.IAM_USER, HoldingKind.IAM_USER_ENTITLEMENT, monthAgo,
				now.plus(Duration.ofDays(90)));
		long viaGroup = fixtures.holding(HoldingKind.ASSIGNMENT, account, "covered@example.com", ADMIN, "admins",
				monthAgo);
		long wasGone = fixtures.assignment(account, "left@example.com", ADMIN, monthAgo);
		fixtures.gone(wasGone, now.minus(Duration.ofDays(2)));

		var run = reconciliation.reconcile("test");
		var again = reconciliation.reconcile("test");

		assertThat(openIn(account).keySet()).containsExactlyInAnyOrder(none, otherAccount, otherSet, expired, notYet);
		assertThat(openIn(account).keySet()).doesNotContain(covered, iamUser, viaGroup, wasGone);
		assertThat(run.newExceptions()).isGreaterThanOrEqualTo(5);
		assertThat(again.newExceptions()).isZero();
		assertThat(again.holdings() - again.covered()).isEqualTo(again.open());
		assertThat(again.open()).isEqualTo(reconciliation.openCount());
		var exception = reconciliation.exception(openIn(account).get(none)).orElseThrow();
		assertThat(exception.holding().person().value()).isEqualTo("none@example.com");
		assertThat(exception.foundAt()).isEqualTo(now);
		assertThat(exception.foundRun()).isEqualTo(run.id());
		var entry = ledger.about("access-reconciliation:" + run.id(), 5).getFirst();
		assertThat(entry.action()).isEqualTo("access.reconciled");
		assertThat(entry.payload()).contains("\"newExceptions\":" + run.newExceptions())
			.contains("\"holdings\":" + run.holdings());
	}

	@Test
	void aRequestApprovedLaterOrTheHoldingGoingResolvesTheException() {
		long approvedLater = fixtures.assignment(account, "later@example.com", ADMIN, monthAgo);
		long removed = fixtures.assignment(account, "removed@example.com", ADMIN, monthAgo);
		reconciliation.reconcile("test");
		var open = openIn(account);
		assertThat(open.keySet()).containsExactlyInAnyOrder(approvedLater, removed);

		clock.set(now.plus(Duration.ofHours(2)));
		long request = fixtures.cover(account, "later@example.com", HoldingKind.ASSIGNMENT, ADMIN,
				now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
		fixtures.gone(removed, now.plus(Duration.ofHours(1)));
		var run = reconciliation.reconcile("test");

		assertThat(openIn(account)).isEmpty();
		var approved = reconciliation.exception(open.get(approvedLater)).orElseThrow();
		assertThat(approved.resolution()).contains(UnapprovedResolution.APPROVED);
		assertThat(approved.approvedByRequest()).contains(request);
		assertThat(approved.resolvedAt()).contains(now.plus(Duration.ofHours(2)));
		var gone = reconciliation.exception(open.get(removed)).orElseThrow();
		assertThat(gone.resolution()).contains(UnapprovedResolution.GONE);
		assertThat(gone.open()).isFalse();
		assertThat(run.resolvedApproved()).isGreaterThanOrEqualTo(1);
		assertThat(run.resolvedGone()).isGreaterThanOrEqualTo(1);
		assertThat(ledger.about("access-reconciliation:" + run.id(), 5).getFirst().payload())
			.contains(String.valueOf(approved.id()))
			.contains(String.valueOf(gone.id()));
	}

	@Test
	void coverThatRunsOutMakesTheHoldingAnExceptionAgain() {
		long holding = fixtures.assignment(account, "temp@example.com", ADMIN, monthAgo);
		fixtures.cover(account, "temp@example.com", HoldingKind.ASSIGNMENT, ADMIN, monthAgo,
				now.plus(Duration.ofHours(1)));
		reconciliation.reconcile("test");
		assertThat(openIn(account)).isEmpty();

		clock.set(now.plus(Duration.ofHours(1)));
		reconciliation.reconcile("test");

		assertThat(openIn(account).keySet()).containsExactly(holding);
		assertThat(reconciliation.exceptionsOf(holding)).singleElement()
			.satisfies(exception -> assertThat(exception.foundAt()).isEqualTo(now.plus(Duration.ofHours(1))));
	}

	@Test
	void asOfReplaysWhichHoldingsHadNoCoverAtAPastMoment() {
		Instant seen = now.minus(Duration.ofDays(10));
		Instant approved = now.minus(Duration.ofDays(8));
		Instant expired = now.minus(Duration.ofDays(5));
		Instant gone = now.minus(Duration.ofDays(3));
		long holding = fixtures.assignment(account, "replay@example.com", ADMIN, seen);
		fixtures.cover(account, "replay@example.com", HoldingKind.ASSIGNMENT, ADMIN, approved, expired);
		fixtures.gone(holding, gone);

		assertThat(uncoveredAt(holding, seen.minusSeconds(1))).isFalse();
		assertThat(uncoveredAt(holding, seen)).isTrue();
		assertThat(uncoveredAt(holding, approved)).isFalse();
		assertThat(uncoveredAt(holding, expired.minusSeconds(1))).isFalse();
		assertThat(uncoveredAt(holding, expired)).isTrue();
		assertThat(uncoveredAt(holding, gone)).isFalse();
		var replay = reconciliation.asOf(expired, holding - 1, 1);
		assertThat(replay.count()).isGreaterThanOrEqualTo(1);
		assertThat(replay.holdings().getFirst().person().value()).isEqualTo("replay@example.com");
	}

	@Test
	void newExceptionsAreAnnouncedOnceInOneMessageWithALinkToThem() {
		fixtures.assignment(account, "announce-1@example.com", ADMIN, monthAgo);
		fixtures.assignment(account, "announce-2@example.com", READ, monthAgo);
		fixtures.holding(HoldingKind.IAM_USER, account, "announce-3", HoldingKind.IAM_USER_ENTITLEMENT, "", monthAgo);

		var run = reconciliation.reconcile("test");
		reconciliation.reconcile("test");
		reconciliation.reconcile("test");

		var messages = ReconciliationFixtures.SLACK.delivered()
			.stream()
			.filter(body -> body.contains(account))
			.toList();
		assertThat(messages).singleElement().satisfies(body -> {
			assertThat(body).contains("3 accesses without approval")
				.contains("announce-1@example.com")
				.contains("announce-2@example.com")
				.contains("IAM user with console or key access")
				.contains("https://soc2ops.example.com/access/exceptions")
				.contains("\"run\":" + run.id());
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_message WHERE dedupe_key = :key AND state = 'DELIVERED'")
			.param("key", ReconciliationRunner.dedupeKey(run.id(), ReconciliationFixtures.ROUTE))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void eachRunIsTheAcc03ControlTestFailedWithTheCountOrPassedWithNone() {
		fixtures.assignment(account, "posture@example.com", ADMIN, monthAgo);
		var failed = reconciliation.reconcile("test");
		var latest = controlTests.history("ACC-03", 1).getFirst();
		assertThat(latest.outcome()).isEqualTo(TestOutcome.FAILED);
		assertThat(latest.note()).contains(failed.open() + " holding");
		long tests = controlTests.history("ACC-03", 100).size();
		reconciliation.reconcile("test");
		assertThat(controlTests.history("ACC-03", 100)).as("unchanged the same day: no second result")
			.hasSize((int) tests);

		// every holding of every test goes: nothing unapproved is left
		jdbc.sql("UPDATE access_holding SET gone_at = :at WHERE gone_at IS NULL")
			.param("at", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
			.update();
		var passed = reconciliation.reconcile("test");

		assertThat(passed.open()).isZero();
		assertThat(controlTests.history("ACC-03", 1).getFirst().outcome()).isEqualTo(TestOutcome.PASSED);
	}

	@Test
	void anInventoryChangeReconcilesSoonOnAThreadOfItsOwn() {
		long holding = fixtures.assignment(account, "changed@example.com", ADMIN, monthAgo);

		transactions.executeWithoutResult(
				status -> events.publishEvent(new AccessInventoryChanged("IDENTITY_CENTER", "arn:test", now)));

		waitFor(() -> openIn(account).containsKey(holding) && trigger.idle());
		assertThat(reconciliation.latestRun().orElseThrow().trigger()).isEqualTo("inventory");
	}

	@Test
	void aCoverChangeReconcilesOnceItsTransactionCommitted() {
		long holding = fixtures.assignment(account, "covered-later@example.com", ADMIN, monthAgo);
		reconciliation.reconcile("test");
		assertThat(openIn(account)).containsKey(holding);

		transactions.executeWithoutResult(status -> events.publishEvent(new CoverChanged(42)));

		waitFor(() -> trigger.idle() && reconciliation.latestRun().orElseThrow().trigger().equals("cover"));
	}

	@Test
	void anOperatorOpensTheRemovalOfAnExceptionOnce() {
		long holding = fixtures.assignment(account, "remove-me@example.com", ADMIN, monthAgo);
		reconciliation.reconcile("test");
		long exception = openIn(account).get(holding);

		var removal = reconciliation.openRemoval(exception, Actor.user("olivia"));
		var again = reconciliation.openRemoval(exception, Actor.user("olivia"));

		assertThat(again.id()).isEqualTo(removal.id());
		assertThat(removal.reason()).isEqualTo(RemovalReason.UNAPPROVED);
		assertThat(removal.cause()).isEqualTo("exception:" + exception);
		assertThat(removal.accountId()).isEqualTo(account);
		assertThat(removal.dueAt()).isEqualTo(now.plus(Duration.ofDays(1)));
		assertThat(reconciliation.exception(exception).orElseThrow().removalId()).contains(removal.id());
		assertThatThrownBy(() -> reconciliation.openRemoval(987_654_321L, Actor.user("olivia")))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("987654321 does not exist");

		fixtures.gone(holding, now);
		reconciliation.reconcile("test");
		assertThatThrownBy(() -> reconciliation.openRemoval(exception, Actor.user("olivia")))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("is resolved (GONE)");
	}

	@Test
	void exceptionIdsAreRecordedAsRanges() {
		assertThat(ReconciliationIds.ranges(List.of(1L, 2L, 3L, 7L, 9L, 10L))).containsExactly("1-3", "7", "9-10");
		assertThat(ReconciliationIds.ranges(List.of())).isEmpty();
		assertThat(ReconciliationIds.ranges(List.of(5L))).containsExactly("5");
	}

	/** Open exceptions of an account: exception ID by holding ID. */
	private Map<Long, Long> openIn(String accountId) {
		return jdbc
			.sql("SELECT holding_id, id FROM access_unapproved WHERE account_id = :account AND resolved_at IS NULL")
			.param("account", accountId)
			.query((rs, row) -> Map.entry(rs.getLong("holding_id"), rs.getLong("id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private boolean uncoveredAt(long holding, Instant moment) {
		return reconciliation.asOf(moment, holding - 1, 1).holdings().stream().anyMatch(h -> h.id() == holding);
	}

	private static void waitFor(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
			Thread.onSpinWait();
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
