package io.soc2ops.alerting;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One target of a case (time to acknowledge, or time to resolve) at a moment: when it is
 * due, how much time is left, and whether it was met. A target is met at its due time
 * exactly and breached from the moment after; it approaches from
 * {@value #APPROACHING_AT_PERCENT}% of its time on.
 *
 * @param dueAt when it is due; null when the alert's severity has no target
 * @param doneAt when it was done (acknowledged, closed), if it was
 * @param taken how long it took, if it was done
 * @param left the time until it is due (negative once overdue), while it is not done and
 * has a target
 */
public record Deadline(Status status, @Nullable Instant dueAt, @Nullable Instant doneAt, @Nullable Duration taken,
		@Nullable Duration left) {

	static final int APPROACHING_AT_PERCENT = 75;

	public enum Status {

		/** No target, not done. */
		NONE,
		/** Not done, in time. */
		ON_TRACK,
		/** Not done, past {@value Deadline#APPROACHING_AT_PERCENT}% of its time. */
		APPROACHING,
		/** Not done, and past its due time. */
		BREACHED,
		/** Done by its due time. */
		MET,
		/** Done, but after its due time. */
		MISSED,
		/** Done, without a target. */
		DONE

	}

	static Deadline of(Instant openedAt, @Nullable Instant dueAt, @Nullable Instant doneAt, Instant now) {
		var taken = doneAt == null ? null : Duration.between(openedAt, doneAt);
		if (dueAt == null) {
			return new Deadline(doneAt == null ? Status.NONE : Status.DONE, null, doneAt, taken, null);
		}
		if (doneAt != null) {
			return new Deadline(doneAt.isAfter(dueAt) ? Status.MISSED : Status.MET, dueAt, doneAt, taken, null);
		}
		var approachingAt = openedAt
			.plus(Duration.between(openedAt, dueAt).multipliedBy(APPROACHING_AT_PERCENT).dividedBy(100));
		var status = now.isAfter(dueAt) ? Status.BREACHED
				: now.isBefore(approachingAt) ? Status.ON_TRACK : Status.APPROACHING;
		return new Deadline(status, dueAt, null, null, Duration.between(now, dueAt));
	}

	/** Whether it was or is being missed. */
	public boolean breached() {
		return status == Status.BREACHED || status == Status.MISSED;
	}

	/** {@link #left()} for people: {@code 3h 5m}; overdue time without a sign. */
	public String leftText() {
		return left == null ? "" : text(left.abs());
	}

	/** {@link #taken()} for people. */
	public String takenText() {
		return taken == null ? "" : text(taken);
	}

	/** At most two units, days to minutes: {@code 2d 3h}, {@code 45m}, {@code <1m}. */
	static String text(Duration duration) {
		if (duration.toMinutes() < 1) {
			return "<1m";
		}
		long days = duration.toDays();
		int hours = duration.toHoursPart();
		int minutes = duration.toMinutesPart();
		if (days > 0) {
			return days + "d" + (hours > 0 ? " " + hours + "h" : "");
		}
		if (hours > 0) {
			return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
		}
		return minutes + "m";
	}

}
