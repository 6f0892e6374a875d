package io.soc2ops.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code schedule_run} table: what each run of a recurring task did. Runs older than
 * {@link #KEPT} are pruned as new ones are recorded; the ledger holds what must be kept.
 */
@Repository
class TaskRuns {

	static final int MAX_MESSAGE = 1000;

	static final Duration KEPT = Duration.ofDays(90);

	private final JdbcClient jdbc;

	TaskRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(TaskRun run) {
		String message = run.message().length() <= MAX_MESSAGE ? run.message()
				: run.message().substring(0, MAX_MESSAGE - 1) + "…";
		jdbc.sql("INSERT INTO schedule_run (task_name, slot, instance, started_at, finished_at, outcome, message)"
				+ " VALUES (:task, :slot, :instance, :started, :finished, :outcome, :message)")
			.param("task", run.task())
			.param("slot", time(run.slot()))
			.param("instance", run.instance())
			.param("started", time(run.startedAt()))
			.param("finished", time(run.finishedAt()))
			.param("outcome", run.outcome().name())
			.param("message", message)
			.update();
		jdbc.sql("DELETE FROM schedule_run WHERE task_name = :task AND finished_at < :cutoff")
			.param("task", run.task())
			.param("cutoff", time(run.finishedAt().minus(KEPT)))
			.update();
	}

	Optional<TaskRun> latest(String task) {
		return jdbc
			.sql("SELECT * FROM schedule_run WHERE task_name = :task ORDER BY finished_at DESC, id DESC"
					+ " FETCH FIRST 1 ROWS ONLY")
			.param("task", task)
			.query(TaskRuns::run)
			.optional();
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static TaskRun run(ResultSet rs, int row) throws SQLException {
		return new TaskRun(rs.getString("task_name"), instant(rs, "slot"), rs.getString("instance"),
				instant(rs, "started_at"), instant(rs, "finished_at"), RunOutcome.valueOf(rs.getString("outcome")),
				rs.getString("message"));
	}

}
