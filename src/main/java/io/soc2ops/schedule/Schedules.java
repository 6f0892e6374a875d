package io.soc2ops.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where every recurring task stands, whichever instance runs it.
 */
@Service
@EnableConfigurationProperties(ScheduleSettings.class)
public class Schedules {

	/** db-scheduler's instance name for the one execution of a recurring task. */
	private static final String RECURRING = com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE;

	private final RecurringTasks tasks;

	private final TaskRuns runs;

	private final ScheduleSettings settings;

	private final JdbcClient jdbc;

	Schedules(RecurringTasks tasks, TaskRuns runs, ScheduleSettings settings, JdbcClient jdbc) {
		this.tasks = tasks;
		this.runs = runs;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	/**
	 * Every task by name: its latest run, and its next one or the instance running it.
	 */
	public List<ScheduleStatus> status() {
		return tasks.all().stream().map(this::status).toList();
	}

	/** Whether this instance runs recurring tasks ({@code soc2ops.schedule.enabled}). */
	public boolean runHere() {
		return settings.enabled();
	}

	/** The name this instance runs tasks under. */
	public String instanceName() {
		return settings.instanceName();
	}

	private ScheduleStatus status(RecurringTask task) {
		var execution = execution(task.name());
		var last = runs.latest(task.name()).orElse(null);
		if (execution.isEmpty()) {
			return new ScheduleStatus(task.name(), task.schedule(), last, null, null);
		}
		var due = execution.get();
		return due.pickedBy() != null ? new ScheduleStatus(task.name(), task.schedule(), last, null, due.pickedBy())
				: new ScheduleStatus(task.name(), task.schedule(), last, due.time().toInstant(), null);
	}

	private Optional<Due> execution(String task) {
		return jdbc
			.sql("SELECT execution_time, picked, picked_by FROM scheduled_tasks"
					+ " WHERE task_name = :task AND task_instance = :instance")
			.param("task", task)
			.param("instance", RECURRING)
			.query(Schedules::due)
			.optional();
	}

	private static Due due(ResultSet rs, int row) throws SQLException {
		String pickedBy = rs.getBoolean("picked") ? rs.getString("picked_by") : null;
		return new Due(rs.getObject("execution_time", OffsetDateTime.class), pickedBy == null ? null : pickedBy);
	}

	private record Due(OffsetDateTime time, @Nullable String pickedBy) {

	}

}
