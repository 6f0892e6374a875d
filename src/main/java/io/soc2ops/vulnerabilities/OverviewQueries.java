package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * Counts and groups for the overview pages, each in one set-based statement. The status
 * at {@code :at} is the one {@link SlaRules#statusAt} gives (and
 * {@link VulnerabilityQueries#condition} selects), here as one expression over a join
 * with the few items an exception holds now, so a million rows are read once rather than
 * probed one by one.
 */
@Repository
class OverviewQueries {

	/** The items an approved exception holds at {@code :at}. */
	private static final String EXCEPTED_NOW = " LEFT JOIN (SELECT DISTINCT ei.vulnerability_id AS excepted_id"
			+ " FROM vulnerability_exception_item ei JOIN vulnerability_exception e ON e.id = ei.exception_id"
			+ " WHERE e.state IN ('APPROVED', 'EXPIRED') AND e.decided_at <= :at AND e.expires_at > :at) x"
			+ " ON x.excepted_id = d.vulnerability_id";

	static final String STATUS = "CASE WHEN d.fixed_at <= :at THEN 'FIXED' WHEN x.excepted_id IS NOT NULL"
			+ " THEN 'EXCEPTED' WHEN d.due_at < :at THEN 'OVERDUE' ELSE 'OPEN' END";

	private static final String SEVERITY_RANK = "CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1"
			+ " WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END";

	private final JdbcClient jdbc;

	OverviewQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts by severity, status and age (the age of those not fixed), in one pass. */
	VulnerabilityStanding standing(Instant at) {
		var params = new LinkedHashMap<String, Object>();
		params.put("at", VulnerabilityStore.time(at));
		var ages = new StringBuilder("CASE");
		for (var bucket : AgeBucket.values()) {
			if (bucket.toDays() != null) {
				ages.append(" WHEN d.started_at > :")
					.append(bucket.name())
					.append(" THEN '")
					.append(bucket)
					.append('\'');
				params.put(bucket.name(), VulnerabilityStore.time(bucket.youngerThan(at)));
			}
		}
		ages.append(" ELSE '").append(AgeBucket.OVER_90).append("' END");
		var counts = new EnumMap<VulnerabilityStatus, Long>(VulnerabilityStatus.class);
		var aging = new EnumMap<VulnerabilitySeverity, Map<AgeBucket, Long>>(VulnerabilitySeverity.class);
		long[] fixed = { 0, 0 };
		jdbc.sql("SELECT severity, status, age, COUNT(*) AS items, COUNT(CASE WHEN fixed_at <= due_at THEN 1 END)"
				+ " AS within_sla, COUNT(due_at) AS with_deadline FROM (SELECT d.severity, d.fixed_at, d.due_at, "
				+ STATUS + " AS status, " + ages + " AS age FROM vulnerability_deadline d" + EXCEPTED_NOW
				+ ") s GROUP BY severity, status, age")
			.params(params)
			.query((rs, row) -> {
				var status = VulnerabilityStatus.valueOf(rs.getString("status"));
				long items = rs.getLong("items");
				counts.merge(status, items, Long::sum);
				if (status == VulnerabilityStatus.FIXED) {
					fixed[0] += rs.getLong("within_sla");
					fixed[1] += rs.getLong("with_deadline");
				}
				else {
					aging
						.computeIfAbsent(VulnerabilitySeverity.valueOf(rs.getString("severity")),
								s -> new EnumMap<>(AgeBucket.class))
						.merge(AgeBucket.valueOf(rs.getString("age")), items, Long::sum);
				}
				return status;
			})
			.list();
		return new VulnerabilityStanding(at, counts, fixed[0], fixed[1], aging);
	}

	GroupPage groups(VulnerabilitySelection selection, Instant at, int page, int size) {
		var params = new LinkedHashMap<String, Object>();
		String where = where(selection, at, params);
		params.put("limit", size);
		params.put("offset", (long) (page - 1) * size);
		long[] totals = { 0, 0 };
		var rows = jdbc.sql("SELECT g.*, COUNT(*) OVER () AS group_count, SUM(g.items) OVER () AS item_count FROM"
				+ " (SELECT severity, cve, title_key, MIN(title) AS title, COUNT(*) AS items,"
				+ " COUNT(CASE WHEN status = 'OVERDUE' THEN 1 END) AS overdue,"
				+ " COUNT(CASE WHEN status = 'EXCEPTED' THEN 1 END) AS excepted,"
				+ " COUNT(CASE WHEN status = 'FIXED' THEN 1 END) AS fixed,"
				+ " MIN(CASE WHEN status IN ('OPEN', 'OVERDUE') THEN due_at END) AS next_due, MIN(due_at) AS first_due"
				+ " FROM (SELECT d.severity, v.cve, CASE WHEN v.cve IS NULL THEN v.title END AS title_key, v.title,"
				+ " d.due_at, " + STATUS + " AS status" + ItemRow.FROM + EXCEPTED_NOW + where + ") s"
				+ " GROUP BY severity, cve, title_key) g ORDER BY CASE WHEN g.overdue > 0 THEN 0 ELSE 1 END,"
				+ " g.next_due ASC NULLS LAST, g.first_due ASC NULLS LAST, "
				+ SEVERITY_RANK.replace("severity", "g.severity")
				+ ", g.cve ASC NULLS LAST, g.title_key ASC NULLS LAST LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, row) -> {
				totals[0] = rs.getLong("group_count");
				totals[1] = rs.getLong("item_count");
				return new VulnerabilityGroup(VulnerabilitySeverity.valueOf(rs.getString("severity")),
						rs.getString("cve"), rs.getString("title"), rs.getLong("items"), rs.getLong("overdue"),
						rs.getLong("excepted"), rs.getLong("fixed"), VulnerabilityStore.nullableInstant(rs, "next_due"),
						VulnerabilityStore.nullableInstant(rs, "first_due"));
			})
			.list();
		if (rows.isEmpty() && page > 1) {
			// past the last page: the totals still say how many there are
			var first = groups(selection, at, 1, 1);
			return new GroupPage(rows, page, size, first.groups(), first.items());
		}
		return new GroupPage(rows, page, size, totals[0], totals[1]);
	}

	/**
	 * The items of one group, most urgent first (overdue by due time, then the others by
	 * due time), and how many it holds.
	 */
	List<ItemRow> groupItems(VulnerabilitySeverity severity, @Nullable String cve, @Nullable String title,
			VulnerabilitySelection selection, Instant at, int limit) {
		var params = new LinkedHashMap<String, Object>();
		String where = groupWhere(severity, cve, title, selection, at, params);
		params.put("limit", limit);
		return jdbc
			.sql("SELECT " + ItemRow.COLUMNS + ItemRow.FROM + EXCEPTED_NOW + where + " ORDER BY CASE " + STATUS
					+ " WHEN 'OVERDUE' THEN 0 WHEN 'OPEN' THEN 1 WHEN 'EXCEPTED' THEN 2 ELSE 3 END,"
					+ " d.due_at ASC NULLS LAST, d.vulnerability_id ASC LIMIT :limit")
			.params(params)
			.query(ItemRow::read)
			.list();
	}

	long groupCount(VulnerabilitySeverity severity, @Nullable String cve, @Nullable String title,
			VulnerabilitySelection selection, Instant at) {
		var params = new LinkedHashMap<String, Object>();
		String where = groupWhere(severity, cve, title, selection, at, params);
		return jdbc.sql("SELECT COUNT(*)" + ItemRow.FROM + EXCEPTED_NOW + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Those not fixed, per account or team, severity and status. */
	List<Breakdown> breakdown(Breakdown.Dimension dimension, Instant at) {
		String key = dimension == Breakdown.Dimension.ACCOUNT ? "d.account_id" : "v.team";
		String from = dimension == Breakdown.Dimension.ACCOUNT ? " FROM vulnerability_deadline d" : ItemRow.FROM;
		var byKey = new LinkedHashMap<@Nullable String, Breakdown>();
		jdbc.sql("SELECT k, severity, status, COUNT(*) AS items FROM (SELECT " + key + " AS k, d.severity, " + STATUS
				+ " AS status" + from + EXCEPTED_NOW + " WHERE d.fixed_at IS NULL OR d.fixed_at > :at) s"
				+ " GROUP BY k, severity, status")
			.param("at", VulnerabilityStore.time(at))
			.query((rs, row) -> {
				String k = rs.getString("k");
				var counted = byKey.getOrDefault(k, Breakdown.empty(k))
					.plus(VulnerabilitySeverity.valueOf(rs.getString("severity")),
							VulnerabilityStatus.valueOf(rs.getString("status")), rs.getLong("items"));
				byKey.put(k, counted);
				return counted;
			})
			.list();
		return new ArrayList<>(byKey.values());
	}

	/**
	 * The distinct values of an indexed column of the items, one index probe each (a
	 * loose index scan), at most {@code limit}.
	 */
	List<String> distinct(String column, int limit) {
		if (!column.equals("account_id") && !column.equals("team")) {
			throw new IllegalArgumentException("not an indexed column: " + column);
		}
		return jdbc
			.sql("WITH RECURSIVE k (k_value, n) AS (SELECT MIN(" + column + "), 1 FROM vulnerability UNION ALL"
					+ " SELECT (SELECT MIN(v." + column + ") FROM vulnerability v WHERE v." + column + " > k.k_value),"
					+ " k.n + 1 FROM k WHERE k.k_value IS NOT NULL AND k.n < :limit)"
					+ " SELECT k_value FROM k WHERE k_value IS NOT NULL ORDER BY k_value")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Fixes between {@code bounds[0]} and the last bound, by severity and the index of
	 * the month they fall in.
	 */
	List<RemediationRow> remediation(List<Instant> bounds) {
		var params = new LinkedHashMap<String, Object>();
		var month = new StringBuilder("CASE");
		for (int i = 1; i < bounds.size(); i++) {
			month.append(" WHEN d.fixed_at < :m").append(i).append(" THEN ").append(i - 1);
			params.put("m" + i, VulnerabilityStore.time(bounds.get(i)));
		}
		month.append(" END");
		params.put("start", VulnerabilityStore.time(bounds.getFirst()));
		params.put("end", VulnerabilityStore.time(bounds.getLast()));
		return jdbc
			.sql("SELECT severity, month_index, COUNT(*) AS fixed, COUNT(due_at) AS with_deadline,"
					+ " COUNT(CASE WHEN fixed_at <= due_at THEN 1 END) AS within_sla, SUM(fix_seconds) AS fix_seconds"
					+ " FROM (SELECT d.severity, d.fixed_at, d.due_at, " + month + " AS month_index,"
					+ " EXTRACT(EPOCH FROM d.fixed_at) - EXTRACT(EPOCH FROM d.started_at) AS fix_seconds"
					+ " FROM vulnerability_deadline d WHERE d.fixed_at >= :start AND d.fixed_at < :end) s"
					+ " GROUP BY severity, month_index")
			.params(params)
			.query((rs, row) -> new RemediationRow(VulnerabilitySeverity.valueOf(rs.getString("severity")),
					rs.getInt("month_index"), rs.getLong("fixed"), rs.getLong("with_deadline"),
					rs.getLong("within_sla"), rs.getDouble("fix_seconds")))
			.list();
	}

	/** One severity's fixes in the month of index {@code month}. */
	record RemediationRow(VulnerabilitySeverity severity, int month, long fixed, long withDeadline, long withinSla,
			double seconds) {
	}

	private static String groupWhere(VulnerabilitySeverity severity, @Nullable String cve, @Nullable String title,
			VulnerabilitySelection selection, Instant at, Map<String, Object> params) {
		String where = where(selection, at, params);
		params.put("groupSeverity", severity.name());
		String group = " d.severity = :groupSeverity AND ";
		if (cve != null) {
			params.put("cve", cve);
			group += "v.cve = :cve";
		}
		else {
			params.put("title", title == null ? "" : title);
			group += "v.cve IS NULL AND v.title = :title";
		}
		return where + " AND" + group;
	}

	/** The selection as a WHERE clause (never empty: it names the statuses). */
	private static String where(VulnerabilitySelection selection, Instant at, Map<String, Object> params) {
		var conditions = new ArrayList<String>();
		params.put("at", VulnerabilityStore.time(at));
		if (selection.statuses().size() < VulnerabilityStatus.values().length) {
			conditions.add(STATUS + " IN (:statuses)");
			params.put("statuses", selection.statusNames());
		}
		if (selection.severity() != null) {
			conditions.add("d.severity = :severity");
			params.put("severity", selection.severity().name());
		}
		if (selection.accountId() != null) {
			conditions.add("d.account_id = :account");
			params.put("account", selection.accountId());
		}
		if (selection.team() != null) {
			conditions.add("v.team = :team");
			params.put("team", selection.team());
		}
		if (conditions.isEmpty()) {
			conditions.add("1 = 1");
		}
		return " WHERE " + String.join(" AND ", conditions);
	}

}
