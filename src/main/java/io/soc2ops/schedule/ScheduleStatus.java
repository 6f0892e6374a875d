package io.soc2ops.schedule;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a recurring task stands.
 *
 * @param task the task's name
 * @param schedule when it runs
 * @param lastRun its latest finished run, if it has run
 * @param nextRun when it is due next; absent until an instance with scheduling on has
 * started
 * @param runningOn the instance running it now, if one is
 */
public record ScheduleStatus(String task, Schedule schedule, @Nullable TaskRun lastRun, @Nullable Instant nextRun,
		@Nullable String runningOn) {

}
