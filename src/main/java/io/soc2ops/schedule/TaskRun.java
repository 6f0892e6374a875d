package io.soc2ops.schedule;

import java.time.Instant;

/**
 * One run of a recurring task.
 *
 * @param task the task's name
 * @param slot when the run was due; each slot runs once across the cluster
 * @param instance the soc2ops instance that ran it
 * ({@code soc2ops.schedule.instance-name})
 * @param startedAt when the body started
 * @param finishedAt when it ended
 * @param outcome how it ended
 * @param message why it failed; empty when it succeeded
 */
public record TaskRun(String task, Instant slot, String instance, Instant startedAt, Instant finishedAt,
		RunOutcome outcome, String message) {

}
