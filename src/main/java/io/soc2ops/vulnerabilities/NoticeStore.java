package io.soc2ops.vulnerabilities;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * What was flagged, in {@code vulnerability_notice} (once per vulnerability and kind) and
 * {@code vulnerability_digest} (once per team and week), and the reads that notices and
 * digests are made of. Flagging is one set-based statement whose rows the primary key
 * keeps unique: of two sweeps at once, PostgreSQL's {@code ON CONFLICT DO NOTHING} lets
 * the second skip what the first flagged; on H2 the second meets a duplicate key and
 * flags again after the first has committed.
 */
@Repository
class NoticeStore {

	private final JdbcClient jdbc;

	private final String unlessStored;

	NoticeStore(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.unlessStored = "PostgreSQL".equals(database) ? " ON CONFLICT DO NOTHING" : "";
	}

	/**
	 * Flags every vulnerability that is of this kind at {@code at} and was not flagged so
	 * before: past due (breached), or due by {@code dueSoonBy} (due soon); neither fixed
	 * nor excepted.
	 * @return how many this sweep flagged
	 */
	int flag(NoticeKind kind, Instant at, Instant dueSoonBy, String sweep) {
		String condition = switch (kind) {
			case BREACHED -> VulnerabilityQueries.condition(VulnerabilityStatus.OVERDUE);
			case DUE_SOON -> VulnerabilityQueries.condition(VulnerabilityStatus.OPEN) + " AND d.due_at <= :by";
			case DIGEST -> throw new IllegalArgumentException("a digest flags no vulnerability");
		};
		return jdbc.sql("INSERT INTO vulnerability_notice (vulnerability_id, kind, due_at, noted_at, sweep_id)"
				+ " SELECT d.vulnerability_id, CAST(:kind AS VARCHAR(16)), d.due_at, CAST(:at AS TIMESTAMP WITH TIME ZONE),"
				+ " CAST(:sweep AS VARCHAR(36)) FROM vulnerability_deadline d WHERE " + condition
				+ " AND NOT EXISTS (SELECT 1 FROM vulnerability_notice n"
				+ " WHERE n.vulnerability_id = d.vulnerability_id AND n.kind = :kind)" + unlessStored)
			.param("kind", kind.name())
			.param("at", VulnerabilityStore.time(at))
			.param("by", VulnerabilityStore.time(dueSoonBy))
			.param("sweep", sweep)
			.update();
	}

	/** Per team ({@code ""}: none), how many of each severity the sweep flagged. */
	Map<String, Map<VulnerabilitySeverity, Long>> flaggedCounts(String sweep, NoticeKind kind) {
		var counts = new LinkedHashMap<String, Map<VulnerabilitySeverity, Long>>();
		jdbc.sql("SELECT COALESCE(v.team, '') AS team, d.severity, COUNT(*) AS items FROM vulnerability_notice n"
				+ " JOIN vulnerability v ON v.id = n.vulnerability_id"
				+ " JOIN vulnerability_deadline d ON d.vulnerability_id = n.vulnerability_id"
				+ " WHERE n.sweep_id = :sweep AND n.kind = :kind GROUP BY COALESCE(v.team, ''), d.severity"
				+ " ORDER BY team")
			.param("sweep", sweep)
			.param("kind", kind.name())
			.query((rs, row) -> counts
				.computeIfAbsent(rs.getString("team"), team -> new EnumMap<>(VulnerabilitySeverity.class))
				.put(VulnerabilitySeverity.valueOf(rs.getString("severity")), rs.getLong("items")))
			.list();
		return counts;
	}

	/**
	 * The team's vulnerabilities the sweep flagged, most severe and earliest due first.
	 */
	List<ListedVulnerability> flagged(String sweep, NoticeKind kind, String team, int limit) {
		return jdbc
			.sql("SELECT " + ListedVulnerability.COLUMNS + " FROM vulnerability_notice n"
					+ " JOIN vulnerability v ON v.id = n.vulnerability_id"
					+ " JOIN vulnerability_deadline d ON d.vulnerability_id = n.vulnerability_id"
					+ " WHERE n.sweep_id = :sweep AND n.kind = :kind AND COALESCE(v.team, '') = :team" + " ORDER BY "
					+ ListedVulnerability.SEVERITY_RANK + ", d.due_at, v.id LIMIT :limit")
			.param("sweep", sweep)
			.param("kind", kind.name())
			.param("team", team)
			.param("limit", limit)
			.query(ListedVulnerability::read)
			.list();
	}

	/** The IDs of the team's vulnerabilities the sweep flagged. */
	List<Long> flaggedIds(String sweep, NoticeKind kind, String team) {
		return jdbc
			.sql("SELECT n.vulnerability_id FROM vulnerability_notice n JOIN vulnerability v"
					+ " ON v.id = n.vulnerability_id WHERE n.sweep_id = :sweep AND n.kind = :kind"
					+ " AND COALESCE(v.team, '') = :team ORDER BY n.vulnerability_id")
			.param("sweep", sweep)
			.param("kind", kind.name())
			.param("team", team)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes the team's digest of the week.
	 * @return false when it was taken before
	 */
	boolean takeDigest(String team, LocalDate weekOf, Instant at) {
		return jdbc
			.sql("INSERT INTO vulnerability_digest (team, week_of, noted_at) SELECT CAST(:team AS VARCHAR(256)),"
					+ " CAST(:week AS DATE), CAST(:at AS TIMESTAMP WITH TIME ZONE)"
					+ " WHERE NOT EXISTS (SELECT 1 FROM vulnerability_digest WHERE team = :team AND week_of = :week)"
					+ unlessStored)
			.param("team", team)
			.param("week", weekOf)
			.param("at", VulnerabilityStore.time(at))
			.update() == 1;
	}

	/**
	 * Each team's standing at {@code at}: every vulnerability not fixed, and those fixed
	 * since {@code since}, counted by status and severity.
	 */
	List<TeamWeek> weeks(Instant at, Instant since) {
		var weeks = new LinkedHashMap<String, TeamWeek.Builder>();
		jdbc.sql("SELECT team, severity, status, COUNT(*) AS items,"
				+ " SUM(CASE WHEN status = 'OVERDUE' AND due_at > :since THEN 1 ELSE 0 END) AS newly_overdue,"
				+ " SUM(CASE WHEN status = 'FIXED' AND due_at IS NOT NULL AND fixed_at <= due_at THEN 1 ELSE 0 END)"
				+ " AS fixed_within FROM (SELECT COALESCE(v.team, '') AS team, d.severity, d.due_at, d.fixed_at,"
				+ " CASE WHEN d.fixed_at <= :at THEN 'FIXED' WHEN " + VulnerabilityQueries.EXCEPTED
				+ " THEN 'EXCEPTED' WHEN d.due_at < :at THEN 'OVERDUE' ELSE 'OPEN' END AS status"
				+ " FROM vulnerability_deadline d JOIN vulnerability v ON v.id = d.vulnerability_id"
				+ " WHERE d.fixed_at IS NULL OR d.fixed_at > :since) s GROUP BY team, severity, status ORDER BY team")
			.param("at", VulnerabilityStore.time(at))
			.param("since", VulnerabilityStore.time(since))
			.query((rs, row) -> weeks.computeIfAbsent(rs.getString("team"), TeamWeek.Builder::new)
				.add(VulnerabilityStatus.valueOf(rs.getString("status")),
						VulnerabilitySeverity.valueOf(rs.getString("severity")), rs.getLong("items"),
						rs.getLong("newly_overdue"), rs.getLong("fixed_within")))
			.list();
		var built = new ArrayList<TeamWeek>();
		weeks.values().forEach(builder -> built.add(builder.build()));
		return built;
	}

	/** The team's overdue vulnerabilities at {@code at}, longest overdue first. */
	List<ListedVulnerability> oldestOverdue(String team, Instant at, int limit) {
		return jdbc
			.sql("SELECT " + ListedVulnerability.COLUMNS + " FROM vulnerability_deadline d"
					+ " JOIN vulnerability v ON v.id = d.vulnerability_id WHERE "
					+ VulnerabilityQueries.condition(VulnerabilityStatus.OVERDUE)
					+ " AND COALESCE(v.team, '') = :team ORDER BY d.due_at, v.id LIMIT :limit")
			.param("at", VulnerabilityStore.time(at))
			.param("team", team)
			.param("limit", limit)
			.query(ListedVulnerability::read)
			.list();
	}

}
