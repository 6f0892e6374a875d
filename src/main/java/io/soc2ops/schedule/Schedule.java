package io.soc2ops.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a {@link RecurringTask} runs.
 */
public sealed interface Schedule {

	/** Runs now (when first scheduled), then {@code delay} after each run ends. */
	static Schedule every(Duration delay) {
		return new FixedDelay(delay);
	}

	/** Runs once a day at {@code time} in {@code zone}. */
	static Schedule dailyAt(LocalTime time, ZoneId zone) {
		return new DailyAt(time, zone);
	}

	/**
	 * The next run starts {@code delay} after the previous one ended, so runs never
	 * overlap; the first is due as soon as the task is first scheduled.
	 */
	record FixedDelay(Duration delay) implements Schedule {

		public FixedDelay {
			if (delay.isNegative() || delay.isZero()) {
				throw new IllegalArgumentException("a fixed delay must be positive but was " + delay);
			}
		}

		/**
		 * The delay for people: {@code 1h}, {@code 30m}, {@code 1h 30m}, {@code 500ms}.
		 */
		public String text() {
			var parts = new StringBuilder();
			append(parts, delay.toDaysPart(), "d");
			append(parts, delay.toHoursPart(), "h");
			append(parts, delay.toMinutesPart(), "m");
			append(parts, delay.toSecondsPart(), "s");
			append(parts, delay.toMillisPart(), "ms");
			return parts.toString();
		}

		private static void append(StringBuilder parts, long amount, String unit) {
			if (amount > 0) {
				parts.append(parts.isEmpty() ? "" : " ").append(amount).append(unit);
			}
		}

	}

	/** Once a day at a time of day in a time zone. */
	record DailyAt(LocalTime time, ZoneId zone) implements Schedule {

	}

}
