package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import io.soc2ops.MovableClock;
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.catalog.CriterionId;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.ReadinessStatus;
import io.soc2ops.catalog.TestOutcome;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * Daily posture snapshots: today's replaced when taken again, a past day's never
 * rewritten, a missing past day replayed from the history exactly as soc2ops knew it, and
 * readiness replayed for a day. The ledger is append-only, so every test gets a fresh
 * context and database.
 */
@SpringBootTest
@Import(MovableClock.Configuration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class PostureSnapshotsTests {

	static final String PROD = "111122223333";

	static final String STAGING = "444455556666";

	static final Actor ROBOT = Actor.system("test");

	static final LocalDate DAY_1 = LocalDate.of(2026, 9, 28);

	static final ControlFinding PAYROLL = ControlFinding.of("S3.8", PROD, "ap-northeast-1", "arn:aws:s3:::payroll");

	static final ControlFinding LOGS = ControlFinding.of("S3.8", PROD, "ap-northeast-1", "arn:aws:s3:::logs");

	static final ControlFinding SITE = ControlFinding.of("S3.8", STAGING, "us-east-1", "arn:aws:s3:::site");

	@Autowired
	PostureSnapshots snapshots;

	@Autowired
	FindingsIntake intake;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	Readiness readiness;

	@Autowired
	ControlTests tests;

	@Test
	void takingTodaysSnapshotAgainReplacesTodays() {
		clock.set("2026-09-28T08:00:00Z");
		accept(PAYROLL.failed().updatedAt("2026-09-28T07:00:00Z"), LOGS.passed());
		var morning = snapshots.take(DAY_1);
		assertThat(morning.failingResources()).isEqualTo(1);
		assertThat(morning.source()).isEqualTo(SnapshotSource.TAKEN);

		clock.set("2026-09-28T18:00:00Z");
		accept(LOGS.failed().updatedAt("2026-09-28T17:00:00Z"), SITE.failed());
		var evening = snapshots.take(DAY_1);

		assertThat(evening.failingResources()).isEqualTo(3);
		assertThat(evening.controls()).isEqualTo(1);
		assertThat(snapshots.on(DAY_1)).contains(evening);
		assertThat(snapshots.failingByScope(DAY_1, "S3.8")).extracting(s -> s.accountId() + " " + s.failingResources())
			.containsExactly(PROD + " 2", STAGING + " 1");
		assertThat(rows("posture_snapshot")).isEqualTo(1);
		assertThat(ledger.about("posture:" + DAY_1, 10)).hasSize(2)
			.allSatisfy(e -> assertThat(e.action()).isEqualTo("posture.snapshot-taken"))
			.first()
			.satisfies(e -> assertThat(e.payload()).contains("\"failingResources\":3").contains("\"controls\":1"));
	}

	@Test
	void aPastDaysSnapshotIsNeverRewritten() {
		accept(PAYROLL.failed());
		var taken = snapshots.take(DAY_1);

		clock.set("2026-09-29T10:00:00Z");
		accept(PAYROLL.passed().updatedAt("2026-09-29T09:00:00Z"), SITE.failed());
		long entries = ledger.size();
		var again = snapshots.take(DAY_1);

		assertThat(again).isEqualTo(taken);
		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(snapshots.resultsBetween(DAY_1, DAY_1).get(DAY_1).get("S3.8").failingResources()).isEqualTo(1);
		assertThat(snapshots.take(DAY_1.plusDays(1)).failingResources()).isEqualTo(1);
	}

	@Test
	void aMissingPastDayIsReplayedFromTheVersionsSoc2opsHadAcceptedByTheEndOfIt() {
		clock.set("2026-09-28T10:00:00Z");
		accept(PAYROLL.failed().updatedAt("2026-09-28T09:00:00Z"), LOGS.passed());
		clock.set("2026-09-28T23:59:59.999Z");
		accept(SITE.failed().updatedAt("2026-09-28T23:00:00Z"));
		// a person suppresses the payroll finding next day; Security Hub keeps UpdatedAt
		clock.set("2026-09-29T09:00:00Z");
		accept(PAYROLL.failed().workflow("SUPPRESSED").updatedAt("2026-09-28T09:00:00Z"));
		clock.set("2026-09-30T09:00:00Z");
		accept(SITE.passed().updatedAt("2026-09-30T08:00:00Z"));
		clock.set("2026-10-02T12:00:00Z");

		var first = snapshots.take(DAY_1);
		var second = snapshots.take(DAY_1.plusDays(1));
		var third = snapshots.take(DAY_1.plusDays(2));

		assertThat(first.source()).isEqualTo(SnapshotSource.REPLAYED);
		assertThat(first.failingResources()).isEqualTo(2);
		assertThat(second.failingResources()).isEqualTo(1);
		assertThat(third.failingResources()).isZero();
		var results = snapshots.resultsBetween(DAY_1, DAY_1.plusDays(2));
		assertThat(results.get(DAY_1).get("S3.8").passingResources()).isEqualTo(1);
		assertThat(results.get(DAY_1.plusDays(2)).get("S3.8").passingResources()).isEqualTo(2);
		assertThat(snapshots.failingByScope(DAY_1.plusDays(1), "S3.8")).extracting(s -> s.accountId())
			.containsExactly(STAGING);
	}

	@Test
	void aDayBeforeAnyFindingOrInTheFutureHasNoSnapshot() {
		assertThatThrownBy(() -> snapshots.take(DAY_1.minusDays(1))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("cannot be replayed exactly")
			.hasMessageContaining("no findings");

		clock.set("2026-09-29T10:00:00Z");
		accept(PAYROLL.failed());
		clock.set("2026-10-01T10:00:00Z");

		assertThatThrownBy(() -> snapshots.take(DAY_1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("complete from 2026-09-29");
		assertThatThrownBy(() -> snapshots.take(LocalDate.of(2026, 10, 2))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("after today");
		assertThat(snapshots.replayableFrom()).contains(LocalDate.of(2026, 9, 29));
		assertThat(rows("posture_snapshot")).isZero();
	}

	@Test
	void readinessOnAPastDayIsThatDaysAndDiffersFromTodayOnceFindingsChanged() {
		var boundary = CriterionId.of("CC6.6");
		accept(PAYROLL.failed());
		snapshots.take(DAY_1);
		clock.set("2026-09-29T10:00:00Z");
		accept(PAYROLL.passed().updatedAt("2026-09-29T09:00:00Z"));
		clock.set("2026-09-30T10:00:00Z");

		var then = readiness.mapOn(DAY_1).orElseThrow();
		var now = readiness.map();

		assertThat(status(then, boundary)).isEqualTo(ReadinessStatus.FAILING);
		assertThat(status(now, boundary)).isNotEqualTo(ReadinessStatus.FAILING);
		assertThat(then.stream()
			.filter(c -> c.criterion().id().equals(boundary))
			.findFirst()
			.orElseThrow()
			.failingSecurityHubControls()).extracting(c -> c.id()).containsExactly("S3.8");
		assertThat(readiness.mapOn(DAY_1.plusDays(1))).as("no snapshot taken or replayed for that day").isEmpty();

		var days = readiness.replay(DAY_1.minusDays(1), DAY_1.plusDays(2));
		assertThat(days).extracting(d -> d.recorded()).containsExactly(false, true, false, true);
		assertThat(days.get(1).status(boundary)).contains(ReadinessStatus.FAILING);
		assertThat(days.get(3).status(boundary)).isEqualTo(java.util.Optional.of(status(now, boundary)));
		assertThat(days.get(1).failingResources("S3.8")).contains(1L);
		assertThat(days.get(3).failingResources("S3.8")).contains(0L);
	}

	@Test
	void aReplayCountsTheControlTestsPerformedByThatDay() {
		var recovery = CriterionId.of("A1.3");
		accept(PAYROLL.failed());
		snapshots.take(DAY_1);
		clock.set("2026-10-05T10:00:00Z");
		// recorded today, but performed (evidence for) after the snapshot's day
		tests.record("CON-04", TestOutcome.FAILED, DAY_1.plusDays(3), "restore took 9 hours", Actor.user("mika"));

		assertThat(readiness.mapOn(DAY_1).map(map -> status(map, recovery))).contains(ReadinessStatus.NEEDS_EVIDENCE);
		assertThat(readiness.replay(DAY_1.plusDays(3), DAY_1.plusDays(7))).extracting(d -> d.status(recovery))
			.containsOnly(java.util.Optional.empty(), java.util.Optional.of(ReadinessStatus.FAILING));
		assertThat(status(readiness.map(), recovery)).isEqualTo(ReadinessStatus.FAILING);
		assertThatThrownBy(() -> readiness.mapOn(LocalDate.of(2026, 10, 6)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("future");
	}

	@Test
	void demoSnapshotsAreRefusedOnceFindingsOtherThanTheDemosAreStored() {
		intake.accept(ControlFinding.batch(PAYROLL.failed().updatedAt("2026-09-20T00:00:00Z")), IntakeChannel.DEMO,
				"demo", ROBOT);
		var demo = snapshots.takeForDemo(LocalDate.of(2026, 9, 21), ROBOT);
		assertThat(demo.source()).isEqualTo(SnapshotSource.DEMO);
		assertThat(demo.failingResources()).isEqualTo(1);
		assertThat(snapshots.takeForDemo(LocalDate.of(2026, 9, 19), ROBOT).failingResources()).isZero();

		accept(SITE.failed());

		assertThatThrownBy(() -> snapshots.takeForDemo(LocalDate.of(2026, 9, 22), ROBOT))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("findings other than the demo's");
	}

	private void accept(ControlFinding... findings) {
		intake.accept(ControlFinding.batch(findings), IntakeChannel.FILE, "test", ROBOT);
	}

	private long rows(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static ReadinessStatus status(java.util.List<io.soc2ops.catalog.CriterionReadiness> map, CriterionId id) {
		return map.stream().filter(c -> c.criterion().id().equals(id)).findFirst().orElseThrow().status();
	}

}
