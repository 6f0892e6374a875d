package io.soc2ops.access;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Business days: Monday to Friday, except the holidays given.
 */
record BusinessDays(Set<LocalDate> holidays) {

	BusinessDays {
		holidays = Set.copyOf(holidays);
	}

	boolean isBusinessDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !holidays.contains(day);
	}

	/** The {@code count}th business day after {@code day}; {@code day} itself for 0. */
	LocalDate after(LocalDate day, int count) {
		LocalDate at = day;
		for (int left = count; left > 0;) {
			at = at.plusDays(1);
			if (isBusinessDay(at)) {
				left--;
			}
		}
		return at;
	}

	/** How many business days lie after {@code from}, up to and including {@code to}. */
	int between(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate at = from.plusDays(1); !at.isAfter(to); at = at.plusDays(1)) {
			if (isBusinessDay(at)) {
				count++;
			}
		}
		return count;
	}

}
