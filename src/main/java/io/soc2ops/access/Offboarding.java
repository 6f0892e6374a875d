package io.soc2ops.access;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A person's offboarding: every holding they had when it started (and those added by
 * hand) with its removal, and how long the removals took from the end of the leaving day.
 *
 * @param zone the zone the leaving day ends in
 * @param dueAt the end of the last business day of the target
 * @param completedAt when the last removal was done, once every one is
 * @param took from the end of the leaving day to {@code completedAt}; negative when
 * everything was removed before the leaving day ended
 * @param businessDaysTaken business days after the leaving day up to the day of
 * {@code completedAt}
 */
public record Offboarding(long id, PersonKey person, LocalDate leftOn, ZoneId zone, int targetBusinessDays,
		Instant dueAt, Instant startedAt, String startedBy, List<Removal> removals, Optional<Instant> completedAt,
		Optional<Duration> took, Optional<Integer> businessDaysTaken, OffboardingState state) {

	public Offboarding {
		removals = List.copyOf(removals);
	}

	/** The cause its removals carry. */
	public static String cause(long id) {
		return "offboarding:" + id;
	}

	public long removalsDone() {
		return removals.stream().filter(Removal::done).count();
	}

}
