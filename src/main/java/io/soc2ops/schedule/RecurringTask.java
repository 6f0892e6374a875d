package io.soc2ops.schedule;

import java.util.regex.Pattern;

/**
 * Work that runs on a schedule, once per slot across every instance of soc2ops. A module
 * contributes one as a bean:
 *
 * <pre>
 * &#64;Bean
 * RecurringTask postureSnapshot(PostureSnapshots snapshots) {
 * 	return new RecurringTask("findings.posture-snapshot", Schedule.dailyAt(LocalTime.of(0, 10), ZoneOffset.UTC),
 * 			snapshots::takeToday);
 * }
 * </pre>
 *
 * A run that throws is recorded as failed with its message, and the task runs again at
 * its next slot. The scheduler records no evidence itself: a body whose work matters
 * records it in the ledger.
 *
 * @param name what the task is called in the database and on the Schedules page; keep it
 * once chosen (lowercase letters, digits, {@code .} and {@code -})
 * @param schedule when it runs
 * @param body the work; it runs on a scheduler thread
 */
public record RecurringTask(String name, Schedule schedule, Runnable body) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

	public RecurringTask {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("recurring task name '" + name
					+ "': use 1-100 lowercase letters, digits, '.' and '-', starting with a letter or digit");
		}
	}

}
