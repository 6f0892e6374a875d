package io.soc2ops.access;

import static io.soc2ops.access.ReconciliationStore.time;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has access to what, for people and auditors: the current holdings by person,
 * account or entitlement, each line with the approved request behind it, or flagged as
 * unapproved (an open exception of the latest reconciliation) and listed first. Pages are
 * read with LIMIT and OFFSET over the holdings' indexes, never all at once.
 */
@Service
public class AccessViews {

	/** The most lines or groups one page holds. */
	public static final int MOST = 500;

	private static final String OPEN_EXCEPTION = "SELECT 1 FROM access_unapproved u WHERE u.holding_id = h.id"
			+ " AND u.resolved_at IS NULL";

	private static final String ORDER = " ORDER BY h.person, h.account_id, h.entitlement, h.id";

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessViews(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A page of current holdings, the unapproved ones first. */
	@Transactional(readOnly = true)
	public AccessViewPage holdings(AccessViewFilter filter, int offset, int limit) {
		int from = Math.max(0, offset);
		int size = Math.clamp(limit, 1, MOST);
		long total = count(filter, "");
		long unapproved = count(filter, " AND EXISTS (" + OPEN_EXCEPTION + ")");
		var lines = new ArrayList<Row>();
		if (from < unapproved) {
			lines.addAll(rows(filter, true, from, size));
		}
		if (lines.size() < size) {
			lines.addAll(rows(filter, false, (int) Math.max(0, from - unapproved), size - lines.size()));
		}
		var approvals = approvals(lines.stream().map(row -> row.holding().id()).toList());
		return new AccessViewPage(lines.stream()
			.map(row -> new AccessViewLine(row.holding(), Optional.ofNullable(approvals.get(row.holding().id())),
					row.exception()))
			.toList(), total, unapproved, from, size);
	}

	/**
	 * Holdings and unapproved ones per person, account or entitlement, most unapproved
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<AccessViewGroup> groups(AccessViewBy by, AccessViewFilter filter, int offset, int limit) {
		String column = by.column();
		return filter
			.bind(jdbc.sql("SELECT " + column + " AS group_key, COUNT(*) AS holdings, COUNT(u.id) AS unapproved"
					+ " FROM access_holding h LEFT JOIN access_unapproved u ON u.holding_id = h.id"
					+ " AND u.resolved_at IS NULL WHERE h.gone_at IS NULL" + filter.sql() + " GROUP BY " + column
					+ " ORDER BY unapproved DESC, group_key LIMIT :limit OFFSET :offset"))
			.param("limit", Math.clamp(limit, 1, MOST))
			.param("offset", Math.max(0, offset))
			.query((rs, row) -> new AccessViewGroup(rs.getString("group_key").strip(), rs.getLong("holdings"),
					rs.getLong("unapproved")))
			.list();
	}

	/** How many groups {@link #groups} has in all. */
	@Transactional(readOnly = true)
	public long groupCount(AccessViewBy by, AccessViewFilter filter) {
		return filter.bind(jdbc.sql("SELECT COUNT(DISTINCT " + by.column()
				+ ") FROM access_holding h WHERE h.gone_at IS NULL" + filter.sql()))
			.query(Long.class)
			.single();
	}

	private long count(AccessViewFilter filter, String condition) {
		return filter
			.bind(jdbc.sql("SELECT COUNT(*) FROM access_holding h WHERE h.gone_at IS NULL" + filter.sql() + condition))
			.query(Long.class)
			.single();
	}

	private List<Row> rows(AccessViewFilter filter, boolean unapproved, int offset, int limit) {
		String sql = unapproved
				? "SELECT h.*, u.id AS exception_id FROM access_holding h JOIN access_unapproved u"
						+ " ON u.holding_id = h.id AND u.resolved_at IS NULL WHERE h.gone_at IS NULL"
				: "SELECT h.*, CAST(NULL AS BIGINT) AS exception_id FROM access_holding h WHERE h.gone_at IS NULL"
						+ " AND NOT EXISTS (" + OPEN_EXCEPTION + ")";
		return filter.bind(jdbc.sql(sql + filter.sql() + ORDER + " LIMIT :limit OFFSET :offset"))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> {
				long exception = rs.getLong("exception_id");
				Optional<Long> open = rs.wasNull() ? Optional.empty() : Optional.of(exception);
				return new Row(ReconciliationStore.holding(rs, row), open);
			})
			.list();
	}

	/** For each holding, the cover valid now that lasts longest. */
	private Map<Long, AccessViewLine.Approval> approvals(List<Long> holdings) {
		var approvals = new HashMap<Long, AccessViewLine.Approval>();
		if (holdings.isEmpty()) {
			return approvals;
		}
		Instant now = clock.instant();
		jdbc.sql("SELECT h.id AS holding_id, c.request_id, c.valid_from, c.valid_until FROM access_holding h"
				+ " JOIN access_cover c ON c.person = h.person AND c.account_id = h.account_id AND c.kind = h.kind"
				+ " AND c.entitlement = h.entitlement AND c.valid_from <= :at"
				+ " AND (c.valid_until IS NULL OR c.valid_until > :at) WHERE h.id IN (:ids)"
				+ " ORDER BY h.id, c.request_id")
			.param("at", time(now))
			.param("ids", holdings)
			.query((rs, row) -> {
				var until = rs.getObject("valid_until", OffsetDateTime.class);
				return Map.entry(rs.getLong("holding_id"),
						new AccessViewLine.Approval(rs.getLong("request_id"),
								rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
								until == null ? Optional.empty() : Optional.of(until.toInstant())));
			})
			.list()
			.forEach(entry -> approvals.merge(entry.getKey(), entry.getValue(), AccessViews::longer));
		return approvals;
	}

	private static AccessViewLine.Approval longer(AccessViewLine.Approval one, AccessViewLine.Approval other) {
		if (one.validUntil().isEmpty()) {
			return one;
		}
		if (other.validUntil().isEmpty()) {
			return other;
		}
		return other.validUntil().get().isAfter(one.validUntil().get()) ? other : one;
	}

	private record Row(Holding holding, Optional<Long> exception) {
	}

}
