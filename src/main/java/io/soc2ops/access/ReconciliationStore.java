package io.soc2ops.access;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The set-based statements of a reconciliation, and its runs and exceptions. Each
 * statement works on every holding at once (a join the database plans, never a loop in
 * Java), so half a million holdings reconcile in seconds.
 */
@Repository
class ReconciliationStore {

	/** Cover of the holding {@code h} valid at {@code :at}. */
	static final String COVERED = "EXISTS (SELECT 1 FROM access_cover c WHERE c.person = h.person"
			+ " AND c.account_id = h.account_id AND c.kind = h.kind AND c.entitlement = h.entitlement"
			+ " AND c.valid_from <= :at AND (c.valid_until IS NULL OR c.valid_until > :at))";

	/** The holding {@code h} existed at {@code :at}. */
	static final String HELD_AT = "h.first_seen <= :at AND (h.gone_at IS NULL OR h.gone_at > :at)";

	private static final String UNAPPROVED_COLUMNS = "u.id, u.holding_id, u.kind, u.account_id, u.person, u.principal,"
			+ " u.entitlement, u.entitlement_ref, u.via, u.holding_first_seen, u.found_at, u.found_run, u.resolved_at,"
			+ " u.resolution, u.approved_by_request, u.removal_id, h.gone_at";

	private final JdbcClient jdbc;

	private final boolean postgres;

	ReconciliationStore(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.postgres = "PostgreSQL"
			.equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
	}

	/**
	 * Brings PostgreSQL's statistics of the exceptions up to date after a run changed
	 * many: planned with the few rows it saw before (autovacuum comes later), the pages'
	 * anti-join would compare every holding with every exception. H2 analyses by itself.
	 */
	void analyze() {
		if (postgres) {
			jdbc.sql("ANALYZE access_unapproved").update();
		}
	}

	/**
	 * Waits for any other reconciliation to end and holds off the next one until this
	 * transaction ends.
	 */
	void lock() {
		jdbc.sql("SELECT id FROM access_reconciliation_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
	}

	long startRun(String trigger, Instant now) {
		jdbc.sql("INSERT INTO access_reconciliation_run (trigger_name, started_at) VALUES (:trigger, :now)")
			.param("trigger", trigger)
			.param("now", time(now))
			.update();
		return jdbc.sql("SELECT MAX(id) FROM access_reconciliation_run WHERE trigger_name = :trigger")
			.param("trigger", trigger)
			.query(Long.class)
			.single();
	}

	/** Closes the open exceptions whose holding no inventory lists any more. */
	int resolveGone(long run, Instant now) {
		return jdbc
			.sql("UPDATE access_unapproved SET resolved_at = :now, resolution = 'GONE', resolved_run = :run"
					+ " WHERE resolved_at IS NULL AND NOT EXISTS (SELECT 1 FROM access_holding h"
					+ " WHERE h.id = access_unapproved.holding_id AND h.gone_at IS NULL)")
			.param("now", time(now))
			.param("run", run)
			.update();
	}

	/** Closes the open exceptions an approved request covers now. */
	int resolveCovered(long run, Instant now) {
		String cover = " FROM access_cover c WHERE c.person = access_unapproved.person"
				+ " AND c.account_id = access_unapproved.account_id AND c.kind = access_unapproved.kind"
				+ " AND c.entitlement = access_unapproved.entitlement AND c.valid_from <= :at"
				+ " AND (c.valid_until IS NULL OR c.valid_until > :at)";
		return jdbc
			.sql("UPDATE access_unapproved SET resolved_at = :at, resolution = 'APPROVED', resolved_run = :run,"
					+ " approved_by_request = (SELECT MAX(c.request_id)" + cover + ")"
					+ " WHERE resolved_at IS NULL AND EXISTS (SELECT 1" + cover + ")")
			.param("at", time(now))
			.param("run", run)
			.update();
	}

	/** Opens an exception for every current holding without cover and without one. */
	int findUncovered(long run, Instant now) {
		return jdbc
			.sql("INSERT INTO access_unapproved (holding_id, kind, account_id, person, principal, entitlement,"
					+ " entitlement_ref, via, holding_first_seen, found_at, found_run)"
					+ " SELECT h.id, h.kind, h.account_id, h.person, h.principal, h.entitlement, h.entitlement_ref,"
					+ " h.via, h.first_seen, :at, :run FROM access_holding h WHERE h.gone_at IS NULL AND NOT " + COVERED
					+ " AND NOT EXISTS (SELECT 1 FROM access_unapproved u WHERE u.holding_id = h.id"
					+ " AND u.resolved_at IS NULL)")
			.param("at", time(now))
			.param("run", run)
			.update();
	}

	long currentHoldings() {
		return jdbc.sql("SELECT COUNT(*) FROM access_holding WHERE gone_at IS NULL").query(Long.class).single();
	}

	long openCount() {
		return jdbc.sql("SELECT COUNT(*) FROM access_unapproved WHERE resolved_at IS NULL").query(Long.class).single();
	}

	void finishRun(ReconciliationRun run) {
		jdbc.sql("UPDATE access_reconciliation_run SET finished_at = :finished, holdings = :holdings,"
				+ " covered = :covered, new_exceptions = :found, resolved_approved = :approved,"
				+ " resolved_gone = :gone, open_exceptions = :open WHERE id = :id")
			.param("finished", time(run.finishedAt()))
			.param("holdings", run.holdings())
			.param("covered", run.covered())
			.param("found", run.newExceptions())
			.param("approved", run.resolvedApproved())
			.param("gone", run.resolvedGone())
			.param("open", run.open())
			.param("id", run.id())
			.update();
	}

	List<Long> foundIn(long run) {
		return jdbc.sql("SELECT id FROM access_unapproved WHERE found_run = :run ORDER BY id")
			.param("run", run)
			.query(Long.class)
			.list();
	}

	List<Long> resolvedIn(long run, UnapprovedResolution resolution) {
		return jdbc
			.sql("SELECT id FROM access_unapproved WHERE resolved_run = :run AND resolution = :resolution ORDER BY id")
			.param("run", run)
			.param("resolution", resolution.name())
			.query(Long.class)
			.list();
	}

	/** The first exceptions a run found, by account, person and entitlement. */
	List<UnapprovedAccess> firstFoundIn(long run, int limit) {
		return jdbc
			.sql("SELECT " + UNAPPROVED_COLUMNS + " FROM access_unapproved u LEFT JOIN access_holding h"
					+ " ON h.id = u.holding_id WHERE u.found_run = :run"
					+ " ORDER BY u.account_id, u.person, u.entitlement, u.id LIMIT :limit")
			.param("run", run)
			.param("limit", limit)
			.query(ReconciliationStore::unapproved)
			.list();
	}

	Optional<UnapprovedAccess> find(long id) {
		return jdbc
			.sql("SELECT " + UNAPPROVED_COLUMNS
					+ " FROM access_unapproved u LEFT JOIN access_holding h ON h.id = u.holding_id WHERE u.id = :id")
			.param("id", id)
			.query(ReconciliationStore::unapproved)
			.optional();
	}

	/** Open exceptions, the longest open first. */
	List<UnapprovedAccess> open(int offset, int limit) {
		return jdbc
			.sql("SELECT " + UNAPPROVED_COLUMNS + " FROM access_unapproved u LEFT JOIN access_holding h"
					+ " ON h.id = u.holding_id WHERE u.resolved_at IS NULL ORDER BY u.found_at, u.id"
					+ " LIMIT :limit OFFSET :offset")
			.param("offset", offset)
			.param("limit", limit)
			.query(ReconciliationStore::unapproved)
			.list();
	}

	/** The exceptions of one holding, newest first. */
	List<UnapprovedAccess> ofHolding(long holdingId) {
		return jdbc
			.sql("SELECT " + UNAPPROVED_COLUMNS + " FROM access_unapproved u LEFT JOIN access_holding h"
					+ " ON h.id = u.holding_id WHERE u.holding_id = :holding ORDER BY u.id DESC")
			.param("holding", holdingId)
			.query(ReconciliationStore::unapproved)
			.list();
	}

	boolean removalOpened(long id, long removalId) {
		return jdbc.sql("UPDATE access_unapproved SET removal_id = :removal WHERE id = :id")
			.param("removal", removalId)
			.param("id", id)
			.update() == 1;
	}

	Optional<ReconciliationRun> latestRun() {
		return jdbc
			.sql("SELECT * FROM access_reconciliation_run WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1")
			.query((rs, row) -> new ReconciliationRun(rs.getLong("id"), rs.getString("trigger_name"),
					instant(rs, "started_at"), instant(rs, "finished_at"), rs.getLong("holdings"),
					rs.getLong("covered"), rs.getInt("new_exceptions"), rs.getInt("resolved_approved"),
					rs.getInt("resolved_gone"), rs.getLong("open_exceptions")))
			.optional();
	}

	/** Holdings held at a moment without cover valid at that moment, by ID. */
	List<Holding> uncoveredAt(Instant at, long afterId, int limit) {
		return jdbc
			.sql("SELECT h.* FROM access_holding h WHERE " + HELD_AT + " AND NOT " + COVERED
					+ " AND h.id > :after ORDER BY h.id LIMIT :limit")
			.param("at", time(at))
			.param("after", afterId)
			.param("limit", limit)
			.query(ReconciliationStore::holding)
			.list();
	}

	long uncoveredCountAt(Instant at) {
		return jdbc.sql("SELECT COUNT(*) FROM access_holding h WHERE " + HELD_AT + " AND NOT " + COVERED)
			.param("at", time(at))
			.query(Long.class)
			.single();
	}

	static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static Optional<Instant> maybeInstant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? Optional.empty() : Optional.of(value.toInstant());
	}

	static Holding holding(ResultSet rs, int row) throws SQLException {
		return new Holding(rs.getLong("id"), HoldingKind.valueOf(rs.getString("kind")),
				rs.getString("account_id").strip(), new PersonKey(rs.getString("person")), rs.getString("principal"),
				rs.getString("entitlement"), rs.getString("entitlement_ref"), rs.getString("via"),
				instant(rs, "first_seen"), maybeInstant(rs, "gone_at"));
	}

	static UnapprovedAccess unapproved(ResultSet rs, int row) throws SQLException {
		var holding = new Holding(rs.getLong("holding_id"), HoldingKind.valueOf(rs.getString("kind")),
				rs.getString("account_id").strip(), new PersonKey(rs.getString("person")), rs.getString("principal"),
				rs.getString("entitlement"), rs.getString("entitlement_ref"), rs.getString("via"),
				instant(rs, "holding_first_seen"), maybeInstant(rs, "gone_at"));
		String resolution = rs.getString("resolution");
		return new UnapprovedAccess(rs.getLong("id"), holding, instant(rs, "found_at"), rs.getLong("found_run"),
				maybeInstant(rs, "resolved_at"),
				resolution == null ? Optional.empty() : Optional.of(UnapprovedResolution.valueOf(resolution)),
				optionalLong(rs, "approved_by_request"), optionalLong(rs, "removal_id"));
	}

	private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? Optional.empty() : Optional.of(value);
	}

}
