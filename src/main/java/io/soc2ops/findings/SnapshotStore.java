package io.soc2ops.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The snapshot tables. Each snapshot is written by one set-based INSERT ... SELECT that
 * aggregates the findings (or their history) in the database, so its cost does not depend
 * on how many findings cross the wire.
 */
@Repository
class SnapshotStore {

	private static final String COUNT_COLUMNS = "INSERT INTO posture_snapshot_count (snapshot_day,"
			+ " security_control_id, account_id, region, failing_resources, passing_resources) ";

	private static final String FROM_FINDINGS = COUNT_COLUMNS + "SELECT CAST(:day AS DATE), security_control_id,"
			+ " account_id, region, " + counts("") + " FROM finding"
			+ " WHERE security_control_id IS NOT NULL AND record_state = 'ACTIVE'"
			+ " GROUP BY security_control_id, account_id, region";

	// each finding's last version before :end in the order given; account, region and
	// control are those of the finding (part of its Id, so the same in every version)
	private static final String FROM_HISTORY = COUNT_COLUMNS + "SELECT CAST(:day AS DATE), f.security_control_id,"
			+ " f.account_id, f.region, " + counts("v.")
			+ " FROM (SELECT h.finding_key, h.compliance_status, h.record_state, h.workflow_status,"
			+ " ROW_NUMBER() OVER (PARTITION BY h.finding_key ORDER BY h.%1$s DESC, h.recorded_at DESC, h.id DESC)"
			+ " AS version_rank FROM finding_history h WHERE h.%1$s < :end) v"
			+ " JOIN finding f ON f.finding_key = v.finding_key"
			+ " WHERE v.version_rank = 1 AND v.record_state = 'ACTIVE' AND f.security_control_id IS NOT NULL"
			+ " GROUP BY f.security_control_id, f.account_id, f.region";

	private static final String HEADER_COLUMNS = "snapshot_day, source, taken_at, catalog_version, controls,"
			+ " failing_resources, ledger_sequence";

	private final JdbcClient jdbc;

	SnapshotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which stored versions of a finding a snapshot counts. */
	enum VersionTime {

		/** The current findings. */
		NOW,
		/** The last version accepted before the end of the day. */
		RECORDED_AT,
		/** The last version whose UpdatedAt is before the end of the day. */
		UPDATED_AT

	}

	/** Writes the day's counts; returns the totals for the header. */
	Totals insertCounts(LocalDate day, VersionTime time) {
		var insert = switch (time) {
			case NOW -> jdbc.sql(FROM_FINDINGS);
			case RECORDED_AT -> jdbc.sql(FROM_HISTORY.formatted("recorded_at")).param("end", endOf(day));
			case UPDATED_AT -> jdbc.sql(FROM_HISTORY.formatted("updated_at")).param("end", endOf(day));
		};
		insert.param("day", day).update();
		jdbc.sql("INSERT INTO posture_snapshot_control (snapshot_day, security_control_id, failing_resources,"
				+ " passing_resources) SELECT snapshot_day, security_control_id, SUM(failing_resources),"
				+ " SUM(passing_resources) FROM posture_snapshot_count WHERE snapshot_day = :day"
				+ " GROUP BY snapshot_day, security_control_id")
			.param("day", day)
			.update();
		return jdbc
			.sql("SELECT COUNT(*), COALESCE(SUM(failing_resources), 0) FROM posture_snapshot_control"
					+ " WHERE snapshot_day = :day")
			.param("day", day)
			.query((rs, row) -> new Totals(rs.getInt(1), rs.getLong(2)))
			.single();
	}

	void insertHeader(PostureSnapshot snapshot) {
		jdbc.sql("INSERT INTO posture_snapshot (" + HEADER_COLUMNS + ") VALUES (:day, :source, :takenAt,"
				+ " :catalogVersion, :controls, :failing, :ledgerSequence)")
			.param("day", snapshot.day())
			.param("source", snapshot.source().name())
			.param("takenAt", OffsetDateTime.ofInstant(snapshot.takenAt(), ZoneOffset.UTC))
			.param("catalogVersion", snapshot.catalogVersion())
			.param("controls", snapshot.controls())
			.param("failing", snapshot.failingResources())
			.param("ledgerSequence", snapshot.ledgerSequence())
			.update();
	}

	void delete(LocalDate day) {
		jdbc.sql("DELETE FROM posture_snapshot_count WHERE snapshot_day = :day").param("day", day).update();
		jdbc.sql("DELETE FROM posture_snapshot_control WHERE snapshot_day = :day").param("day", day).update();
		jdbc.sql("DELETE FROM posture_snapshot WHERE snapshot_day = :day").param("day", day).update();
	}

	/** Deletes the snapshots of days before the given one; returns how many. */
	int deleteBefore(LocalDate day) {
		jdbc.sql("DELETE FROM posture_snapshot_count WHERE snapshot_day < :day").param("day", day).update();
		jdbc.sql("DELETE FROM posture_snapshot_control WHERE snapshot_day < :day").param("day", day).update();
		return jdbc.sql("DELETE FROM posture_snapshot WHERE snapshot_day < :day").param("day", day).update();
	}

	Optional<PostureSnapshot> header(LocalDate day) {
		return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM posture_snapshot WHERE snapshot_day = :day")
			.param("day", day)
			.query(SnapshotStore::header)
			.optional();
	}

	List<PostureSnapshot> headers(LocalDate from, LocalDate to) {
		return jdbc
			.sql("SELECT " + HEADER_COLUMNS
					+ " FROM posture_snapshot WHERE snapshot_day BETWEEN :from AND :to ORDER BY snapshot_day")
			.param("from", from)
			.param("to", to)
			.query(SnapshotStore::header)
			.list();
	}

	/** Per day and control, summed over accounts and regions. */
	List<ControlCount> perControl(LocalDate from, LocalDate to) {
		return jdbc
			.sql("SELECT snapshot_day, security_control_id, failing_resources, passing_resources"
					+ " FROM posture_snapshot_control WHERE snapshot_day BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new ControlCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4)))
			.list();
	}

	/** One control on one day, per account and region, most failing first. */
	List<SecurityHubPosture.ScopeCount> failingByScope(LocalDate day, String securityHubControlId) {
		return jdbc
			.sql("SELECT account_id, region, failing_resources FROM posture_snapshot_count WHERE snapshot_day = :day"
					+ " AND security_control_id = :control AND failing_resources > 0 ORDER BY 3 DESC, 1, 2")
			.param("day", day)
			.param("control", securityHubControlId)
			.query((rs, row) -> new SecurityHubPosture.ScopeCount(rs.getString(1).strip(), rs.getString(2),
					rs.getLong(3)))
			.list();
	}

	/** The day of the first version soc2ops accepted, if it has any. */
	Optional<LocalDate> firstHistoryDay() {
		return jdbc.sql("SELECT MIN(recorded_at) FROM finding_history")
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.single()
			.map(t -> t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
	}

	/** Whether any stored version came in through another channel than the demo. */
	boolean holdsFindingsBesidesTheDemo() {
		return jdbc.sql("SELECT COUNT(*) FROM finding_history WHERE channel <> 'DEMO'").query(Long.class).single() > 0;
	}

	/**
	 * Failing and passing as {@link SecurityHubPosture} counts them: a suppressed failure
	 * is accepted, not failing.
	 */
	private static String counts(String alias) {
		return "SUM(CASE WHEN " + alias + "compliance_status = 'FAILED' AND " + alias
				+ "workflow_status <> 'SUPPRESSED' THEN 1 ELSE 0 END), SUM(CASE WHEN " + alias
				+ "compliance_status = 'PASSED' THEN 1 ELSE 0 END)";
	}

	static OffsetDateTime endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	private static PostureSnapshot header(ResultSet rs, int row) throws SQLException {
		Instant takenAt = rs.getObject("taken_at", OffsetDateTime.class).toInstant();
		return new PostureSnapshot(rs.getObject("snapshot_day", LocalDate.class),
				SnapshotSource.valueOf(rs.getString("source")), takenAt, rs.getString("catalog_version"),
				rs.getInt("controls"), rs.getLong("failing_resources"), rs.getLong("ledger_sequence"));
	}

	record Totals(int controls, long failingResources) {
	}

	record ControlCount(LocalDate day, String securityHubControlId, long failing, long passing) {
	}

}
