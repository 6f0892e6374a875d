package io.soc2ops.vulnerabilities;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How long a vulnerability not yet fixed has been open, counted in whole days from its
 * clock start.
 */
public enum AgeBucket {

	DAYS_0_7(0, 7), DAYS_8_30(8, 30), DAYS_31_90(31, 90), OVER_90(91, null);

	private final int fromDays;

	private final @Nullable Integer toDays;

	AgeBucket(int fromDays, @Nullable Integer toDays) {
		this.fromDays = fromDays;
		this.toDays = toDays;
	}

	public int fromDays() {
		return fromDays;
	}

	/** The last day of the bucket; null for the last bucket, which has no end. */
	public @Nullable Integer toDays() {
		return toDays;
	}

	/**
	 * The earliest clock start at {@code at} that is still in this bucket (exclusive): a
	 * clock started after it is younger than {@code toDays + 1} whole days.
	 */
	Instant youngerThan(Instant at) {
		if (toDays == null) {
			throw new IllegalStateException(name() + " has no end");
		}
		return at.minus(Duration.ofDays(toDays + 1L));
	}

}
