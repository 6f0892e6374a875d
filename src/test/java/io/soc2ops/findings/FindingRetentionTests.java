package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.ChainVerification;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * Retention of one year: what lies wholly before the cutoff goes, everything any day from
 * the cutoff on depends on stays, and the ledger only gains the purge's entry. The
 * versions below sit a millisecond before and exactly at the cutoff (1 June 2025).
 */
@SpringBootTest(properties = "soc2ops.findings.retention=1y")
@Import(MovableClock.Configuration.class)
class FindingRetentionTests {

	static final String PROD = "111122223333";

	static final Actor ROBOT = Actor.system("test");

	static final String JUST_BEFORE = "2025-05-31T23:59:59.999Z";

	static final String AT_CUTOFF = "2025-06-01T00:00:00Z";

	static final ControlFinding ALPHA = ControlFinding.of("S3.8", PROD, "ap-northeast-1", "arn:aws:s3:::alpha");

	static final ControlFinding OLD_ACTIVE = ControlFinding.of("S3.8", PROD, "ap-northeast-1", "arn:aws:s3:::old");

	static final ControlFinding GONE = ControlFinding.of("EC2.19", PROD, "ap-northeast-1", "sg-gone");

	static final ControlFinding KEPT = ControlFinding.of("EC2.19", PROD, "ap-northeast-1", "sg-kept");

	static final String INSIDE = "SELECT h.finding_key, h.updated_at, h.compliance_status, h.record_state,"
			+ " h.workflow_status, h.recorded_at FROM finding_history h WHERE h.recorded_at >= :cutoff"
			+ " ORDER BY h.finding_key, h.recorded_at";

	@Autowired
	FindingRetention retention;

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

	@Test
	void purgesOnlyWhatLiesWhollyBeforeTheCutoffAndRecordsIt() {
		at("2025-01-10T10:00:00Z", ALPHA.failed().updatedAt("2025-01-10T09:00:00Z"),
				OLD_ACTIVE.failed().updatedAt("2025-01-10T09:00:00Z"), GONE.failed().updatedAt("2025-01-10T09:00:00Z"));
		at(JUST_BEFORE, ALPHA.passed().updatedAt("2025-05-31T12:00:00Z"),
				GONE.archived().updatedAt("2025-05-31T12:00:00Z"));
		snapshots.take(LocalDate.of(2025, 5, 31));
		at(AT_CUTOFF, ALPHA.failed().updatedAt("2025-05-31T23:00:00Z"),
				KEPT.archived().updatedAt("2025-05-31T23:00:00Z"));
		snapshots.take(LocalDate.of(2025, 6, 1));
		clock.set("2026-06-01T12:00:00Z");
		var inside = jdbc.sql(INSIDE).param("cutoff", java.time.OffsetDateTime.parse(AT_CUTOFF)).query().listOfRows();
		long entries = ledger.size();

		var purge = retention.purge();

		assertThat(purge.cutoff()).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(purge.findings()).as("archived a millisecond before the cutoff").isEqualTo(1);
		assertThat(purge.historyRows()).as("alpha's first version, and the archived finding's two").isEqualTo(3);
		assertThat(purge.snapshots()).isEqualTo(1);
		assertThat(jdbc.sql(INSIDE).param("cutoff", java.time.OffsetDateTime.parse(AT_CUTOFF)).query().listOfRows())
			.isEqualTo(inside);
		assertThat(versions()).containsEntry(key(ALPHA), 2L)
			.containsEntry(key(OLD_ACTIVE), 1L)
			.containsEntry(key(KEPT), 1L)
			.doesNotContainKey(key(GONE));
		assertThat(snapshots.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
			.extracting(PostureSnapshot::day)
			.containsExactly(LocalDate.of(2025, 6, 1));
		assertThat(ledger.size()).isEqualTo(entries + 1);
		assertThat(ledger.verify()).isInstanceOf(ChainVerification.Intact.class);
		assertThat(ledger.entry(purge.ledgerSequence()).orElseThrow().payload()).contains("\"cutoff\":\"2025-06-01\"")
			.contains("\"historyRows\":3")
			.contains("\"retention\":\"P1Y\"");
		assertThat(ledger.about("posture:2025-05-31", 5)).as("the purged snapshot's evidence stays").hasSize(1);

		// every day from the cutoff on still replays exactly; days before it no longer do
		assertThat(snapshots.replayableFrom()).contains(LocalDate.of(2025, 6, 1));
		assertThat(snapshots.take(LocalDate.of(2025, 6, 2)).failingResources()).isEqualTo(2);
		assertThatThrownBy(() -> snapshots.take(LocalDate.of(2025, 5, 30))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("complete from 2025-06-01");
		var again = retention.purge();
		assertThat(List.of(again.historyRows(), again.findings(), again.snapshots())).containsOnly(0L);
	}

	private void at(String instant, ControlFinding... findings) {
		clock.set(instant);
		intake.accept(ControlFinding.batch(findings), IntakeChannel.FILE, "test", ROBOT);
	}

	private Map<String, Long> versions() {
		var versions = new java.util.HashMap<String, Long>();
		jdbc.sql("SELECT finding_key, COUNT(*) FROM finding_history GROUP BY finding_key")
			.query((rs, row) -> versions.put(rs.getString(1).strip(), rs.getLong(2)))
			.list();
		return versions;
	}

	private static String key(ControlFinding finding) {
		return finding.key();
	}

}
