package io.soc2ops.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Days people and API clients type ({@code asOf}, {@code from}, {@code to}): ISO dates,
 * not in the future, periods of at most {@link #MAX_DAYS} days. A bad one is refused with
 * a message naming the parameter, and a message key for the page in the reader's
 * language.
 */
final class DayInput {

	static final int MAX_DAYS = 366;

	static final int DEFAULT_DAYS = 90;

	private DayInput() {
	}

	/** A day typed into a parameter; empty text is none. */
	static @Nullable LocalDate parse(String parameter, @Nullable String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Refused("day.invalid",
					parameter + " must be a date like 2026-09-30 (YYYY-MM-DD), not '" + shown(text) + "'", parameter,
					shown(text));
		}
		if (day.isAfter(today)) {
			throw new Refused("day.future", parameter + " " + day + " is in the future; today is " + today + " (UTC)",
					parameter, day, today);
		}
		return day;
	}

	/**
	 * A period from {@code from} to {@code to}: by default the {@value #DEFAULT_DAYS}
	 * days up to today, or up to {@code to}.
	 */
	static Period period(@Nullable String from, @Nullable String to, LocalDate today) {
		var end = parse("to", to, today);
		var last = end == null ? today : end;
		var start = parse("from", from, today);
		var first = start == null ? last.minusDays(DEFAULT_DAYS - 1) : start;
		if (first.isAfter(last)) {
			throw new Refused("period.order", "from " + first + " is after to " + last, first, last);
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new Refused("period.toolong",
					"from " + first + " to " + last + " is longer than " + MAX_DAYS + " days; ask for a shorter period",
					first, last, MAX_DAYS);
		}
		return new Period(first, last);
	}

	/** What was typed, cut short: it is echoed back in the message. */
	private static String shown(String text) {
		String stripped = text.strip();
		return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
	}

	record Period(LocalDate from, LocalDate to) {

		static Period endingOn(LocalDate today) {
			return new Period(today.minusDays(DEFAULT_DAYS - 1), today);
		}

	}

	/** Input refused: an English message for the API, a message key for pages. */
	static final class Refused extends IllegalArgumentException {

		private final String key;

		private final Object[] arguments;

		Refused(String key, String message, Object... arguments) {
			super(message);
			this.key = key;
			this.arguments = arguments.clone();
		}

		String key() {
			return key;
		}

		Object[] arguments() {
			return arguments.clone();
		}

	}

}
