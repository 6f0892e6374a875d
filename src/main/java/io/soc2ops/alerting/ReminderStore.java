package io.soc2ops.alerting;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The reminders that came due, in {@code alert_case_reminder}. Claiming one that is
 * stored already is skipped by the database itself (PostgreSQL
 * {@code ON CONFLICT DO NOTHING}, H2 {@code MERGE}), so two instances sweeping at once
 * claim each reminder once between them.
 */
@Repository
class ReminderStore {

	private final JdbcClient jdbc;

	private final String claim;

	ReminderStore(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.claim = InsertUnlessStored.sql(dataSource, "alert_case_reminder", "alert_id, step, due_at, recorded_at",
				":id, :step, :due, :at", new InsertUnlessStored.Key("alert_id", "id", "VARCHAR(36)"),
				new InsertUnlessStored.Key("step", "step", "VARCHAR(32)"));
	}

	/**
	 * @return false when this reminder of this case was claimed before
	 */
	boolean claim(String alertId, CaseReminder reminder, Instant at) {
		try {
			return jdbc.sql(claim)
				.param("id", alertId)
				.param("step", reminder.step().name())
				.param("due", CaseStore.at(reminder.dueAt()))
				.param("at", CaseStore.at(at))
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			// H2's MERGE checks, then inserts: another claim can come between the two
			return false;
		}
	}

	/** The steps each open case was reminded of. */
	Map<String, Set<CaseReminder.Step>> ofOpenCases() {
		var steps = new HashMap<String, Set<CaseReminder.Step>>();
		jdbc.sql("SELECT r.alert_id, r.step FROM alert_case_reminder r JOIN alert_case c ON c.alert_id = r.alert_id"
				+ " WHERE c.closed_at IS NULL")
			.query(rs -> {
				steps.computeIfAbsent(rs.getString("alert_id"), id -> EnumSet.noneOf(CaseReminder.Step.class))
					.add(CaseReminder.Step.valueOf(rs.getString("step")));
			});
		return steps;
	}

	/** The reminders of a case as timeline events, oldest first. */
	List<CaseEvent> events(String alertId) {
		return jdbc
			.sql("SELECT step, due_at, recorded_at FROM alert_case_reminder WHERE alert_id = :id ORDER BY recorded_at")
			.param("id", alertId)
			.query((rs,
					row) -> CaseEvent.reminded(new CaseReminder(CaseReminder.Step.valueOf(rs.getString("step")),
							RuleStore.instant(rs, "due_at")), RuleStore.instant(rs, "recorded_at")))
			.list();
	}

}
