package io.soc2ops.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alerts with their cases, newest first, by what their cases are at. */
@Repository
class CaseLists {

	private static final String SELECT = "SELECT " + AlertStore.COLUMNS + ", " + CaseStore.COLUMNS
			+ " FROM alert JOIN alert_case c ON c.alert_id = alert.id";

	private final JdbcClient jdbc;

	CaseLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AlertWithCase> find(String alertId) {
		return jdbc.sql(SELECT + " WHERE alert.id = :id")
			.param("id", alertId)
			.query((rs, row) -> new AlertWithCase(AlertStore.alert(rs), CaseStore.alertCase(rs)))
			.optional();
	}

	List<AlertWithCase> page(CaseFilter filter, Instant now, int limit, int offset) {
		return jdbc
			.sql(SELECT + " WHERE " + where(filter)
					+ " ORDER BY alert.raised_at DESC, alert.id DESC LIMIT :limit OFFSET :offset")
			.param("now", CaseStore.at(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new AlertWithCase(AlertStore.alert(rs), CaseStore.alertCase(rs)))
			.list();
	}

	long count(CaseFilter filter, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM alert_case c WHERE " + where(filter))
			.param("now", CaseStore.at(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Open cases with a target still to meet or be reminded of, oldest first: once the
	 * resolve target's breach was reminded of there is nothing left (an acknowledge
	 * target is never longer), so a case left open for months is not read every minute.
	 */
	List<AlertWithCase> openWithTargets() {
		return jdbc
			.sql(SELECT + " WHERE c.closed_at IS NULL AND (c.resolve_due_at IS NOT NULL"
					+ " OR (c.ack_due_at IS NOT NULL AND c.acknowledged_at IS NULL)) AND NOT EXISTS (SELECT 1"
					+ " FROM alert_case_reminder r WHERE r.alert_id = c.alert_id AND r.step = 'RESOLVE_BREACHED')"
					+ " ORDER BY c.opened_at")
			.query((rs, row) -> new AlertWithCase(AlertStore.alert(rs), CaseStore.alertCase(rs)))
			.list();
	}

	/** Open cases that missed a target or are missing one at {@code now}. */
	long openBreached(Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM alert_case c WHERE c.closed_at IS NULL AND " + CaseStore.BREACHED)
			.param("now", CaseStore.at(now))
			.query(Long.class)
			.single();
	}

	private static String where(CaseFilter filter) {
		// :now is bound for every filter; those that do not use it ignore it
		return switch (filter) {
			case ALL -> "1 = 1";
			case OPEN -> "c.closed_at IS NULL";
			case CLOSED -> "c.closed_at IS NOT NULL";
			case BREACHED -> CaseStore.BREACHED;
		};
	}

}
