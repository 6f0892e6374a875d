package io.soc2ops.schedule;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Runs the recurring tasks on this instance with db-scheduler, when
 * {@code soc2ops.schedule.enabled}. Every instance polls the shared
 * {@code scheduled_tasks} table; an instance takes a due slot by moving its row's
 * version, so only one runs it, and the task's next slot is set when that run ends, so
 * runs of a task never overlap. A failed run is retried at the next slot. Starts after
 * the web server and stops before it.
 */
@Component
class ClusterScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterScheduler.class);

	private final DataSource dataSource;

	private final RecurringTasks tasks;

	private final TaskRuns runs;

	private final ScheduleSettings settings;

	private final Clock clock;

	private @Nullable Scheduler scheduler;

	ClusterScheduler(DataSource dataSource, RecurringTasks tasks, TaskRuns runs, ScheduleSettings settings,
			Clock clock) {
		this.dataSource = dataSource;
		this.tasks = tasks;
		this.runs = runs;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public boolean isAutoStartup() {
		return settings.enabled();
	}

	@Override
	public synchronized void start() {
		if (scheduler != null) {
			return;
		}
		var started = Scheduler.create(dataSource)
			.startTasks(tasks.all().stream().map(this::scheduled).toList())
			.threads(settings.threads())
			.pollingInterval(settings.pollingInterval())
			.schedulerName(new SchedulerName.Fixed(settings.instanceName()))
			.shutdownMaxWait(settings.stopWait())
			.build();
		started.start();
		scheduler = started;
		log.info("Running recurring tasks as '{}': {}", settings.instanceName(),
				tasks.all().stream().map(RecurringTask::name).toList());
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.stop();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

	private com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> scheduled(RecurringTask task) {
		return Tasks.recurring(task.name(), schedule(task.schedule()))
			.execute((instance, context) -> run(task, context.getExecution().executionTime));
	}

	private static com.github.kagkarlsson.scheduler.task.schedule.Schedule schedule(Schedule schedule) {
		return switch (schedule) {
			case Schedule.FixedDelay fixed -> FixedDelay.of(fixed.delay());
			case Schedule.DailyAt daily -> new Daily(daily.zone(), daily.time());
		};
	}

	/**
	 * Runs the body and records the run; a failure is rethrown so that db-scheduler
	 * counts it and moves the task to its next slot.
	 */
	private void run(RecurringTask task, Instant slot) {
		Instant started = clock.instant();
		RuntimeException failure = null;
		try {
			task.body().run();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		var outcome = failure == null ? RunOutcome.SUCCEEDED : RunOutcome.FAILED;
		var run = new TaskRun(task.name(), slot, settings.instanceName(), started, clock.instant(), outcome,
				failure == null ? "" : message(failure));
		try {
			runs.record(run);
		}
		catch (DataAccessException ex) {
			log.warn("The {} run of {} was not recorded", outcome, task.name(), ex);
		}
		if (failure != null) {
			throw failure;
		}
	}

	private static String message(Throwable failure) {
		String message = failure.getMessage();
		return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
	}

}
