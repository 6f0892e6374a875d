package io.soc2ops.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.soc2ops.evidence.Actor;

/**
 * Cases in {@code alert_case} and their history in {@code alert_case_event}. A change is
 * stored only over the version it was made from, so of two changes made from the same
 * version, one is stored and the other is told it was too late.
 */
@Repository
class CaseStore {

	static final String COLUMNS = "alert_id, state, assignee, opened_at, ack_due_at, resolve_due_at, acknowledged_at, "
			+ "closed_at, version";

	/** Cases that missed a target, or are missing one at {@code :now}. */
	static final String BREACHED = "((c.ack_due_at < :now AND (c.acknowledged_at IS NULL "
			+ "OR c.acknowledged_at > c.ack_due_at)) OR (c.resolve_due_at < :now AND (c.closed_at IS NULL "
			+ "OR c.closed_at > c.resolve_due_at)))";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	CaseStore(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insertAll(List<AlertCase> cases) {
		batch.batchUpdate(
				"INSERT INTO alert_case (" + COLUMNS + ") VALUES (:id, :state, :assignee, :opened, :ackDue, "
						+ ":resolveDue, :acknowledged, :closed, :version)",
				cases.stream().map(CaseStore::row).toArray(SqlParameterSource[]::new));
	}

	private static SqlParameterSource row(AlertCase alertCase) {
		return new MapSqlParameterSource().addValue("id", alertCase.alertId())
			.addValue("state", alertCase.state().name())
			.addValue("assignee", alertCase.assignee(), Types.VARCHAR)
			.addValue("opened", at(alertCase.openedAt()))
			.addValue("ackDue", at(alertCase.acknowledgeDueAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("resolveDue", at(alertCase.resolveDueAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("acknowledged", at(alertCase.acknowledgedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("closed", at(alertCase.closedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("version", alertCase.version());
	}

	Optional<AlertCase> find(String alertId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_case WHERE alert_id = :id")
			.param("id", alertId)
			.query((rs, row) -> alertCase(rs))
			.optional();
	}

	/**
	 * Stores the case one version on from the stored one.
	 * @return false when the stored case is no longer at the version before
	 */
	boolean update(AlertCase after) {
		return jdbc
			.sql("UPDATE alert_case SET state = :state, assignee = :assignee, acknowledged_at = :acknowledged, "
					+ "closed_at = :closed, version = :version WHERE alert_id = :id AND version = :before")
			.param("id", after.alertId())
			.param("state", after.state().name())
			.param("assignee", after.assignee(), java.sql.Types.VARCHAR)
			.param("acknowledged", at(after.acknowledgedAt()))
			.param("closed", at(after.closedAt()))
			.param("version", after.version())
			.param("before", after.version() - 1)
			.update() == 1;
	}

	void append(AlertCase after, CaseAction action, CaseState from, String note, Actor by, Instant at) {
		jdbc.sql("INSERT INTO alert_case_event (alert_id, version, action, from_state, to_state, assignee, note, "
				+ "actor, at) VALUES (:id, :version, :action, :from, :to, :assignee, :note, :actor, :at)")
			.param("id", after.alertId())
			.param("version", after.version())
			.param("action", action.name())
			.param("from", from.name())
			.param("to", after.state().name())
			.param("assignee", action == CaseAction.ASSIGN ? after.assignee() : null, java.sql.Types.VARCHAR)
			.param("note", note)
			.param("actor", by.toString())
			.param("at", at(at))
			.update();
	}

	/** The transitions, assignments and notes of a case, oldest first. */
	List<CaseEvent> events(String alertId) {
		return jdbc
			.sql("SELECT action, from_state, to_state, assignee, note, actor, at FROM alert_case_event "
					+ "WHERE alert_id = :id ORDER BY version")
			.param("id", alertId)
			.query((rs, row) -> new CaseEvent(instant(rs, "at"), rs.getString("actor"),
					CaseEvent.Kind.valueOf(rs.getString("action")), CaseState.valueOf(rs.getString("from_state")),
					CaseState.valueOf(rs.getString("to_state")), rs.getString("assignee"), rs.getString("note"), null))
			.list();
	}

	static AlertCase alertCase(ResultSet rs) throws SQLException {
		return new AlertCase(rs.getString("alert_id"), CaseState.valueOf(rs.getString("state")),
				rs.getString("assignee"), instant(rs, "opened_at"), AlertStore.optionalInstant(rs, "ack_due_at"),
				AlertStore.optionalInstant(rs, "resolve_due_at"), AlertStore.optionalInstant(rs, "acknowledged_at"),
				AlertStore.optionalInstant(rs, "closed_at"), rs.getInt("version"));
	}

	static @Nullable OffsetDateTime at(@Nullable Instant instant) {
		return instant == null ? null : RuleStore.at(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return RuleStore.instant(rs, column);
	}

}
