package io.soc2ops.access;

import java.time.Duration;

import io.soc2ops.evidence.Actor;

/**
 * One kind of Slack message in the access outbox ({@link AccessMessages}) and what is its
 * own: the ledger actions and actor of its delivery and death, and its retry waits. Each
 * feature declares its topic; {@link AccessMessageSchedule} hands them to the courier.
 *
 * @param name the topic as stored, e.g. {@code REVIEW_REMINDER}
 * @param firstRetry the wait after the first failed post; doubled after each further one,
 * up to {@code maxRetry}
 */
record AccessMessageTopic(String name, Actor actor, String deliveredAction, String deadAction, Duration firstRetry,
		Duration maxRetry) {

	AccessMessageTopic {
		if (!name.matches("[A-Z][A-Z_]{0,31}")) {
			throw new IllegalArgumentException("access message topic: not an upper-case name of 1-32: " + name);
		}
		if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException("access message topic " + name + ": retries must be 0 < first-retry ("
					+ firstRetry + ") <= max-retry (" + maxRetry + ")");
		}
	}

	/**
	 * The wait after the {@code failures}th failure: {@code firstRetry} doubled, capped.
	 */
	Duration backoff(int failures) {
		var wait = firstRetry.multipliedBy(1L << Math.clamp(failures - 1, 0, 30));
		return wait.compareTo(maxRetry) > 0 || wait.isNegative() ? maxRetry : wait;
	}

}
