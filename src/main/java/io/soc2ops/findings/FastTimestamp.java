package io.soc2ops.findings;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Parses the one timestamp shape nearly every finding uses,
 * {@code 2026-11-28T10:15:30.123Z} (optionally with an offset instead of {@code Z}),
 * without the general formatter, which costs more than the rest of a finding's
 * normalisation. Anything else is left to the general formatter.
 */
final class FastTimestamp {

	private FastTimestamp() {
	}

	/** The instant, truncated to microseconds, or null if the text has another shape. */
	static @Nullable Instant parse(String text) {
		if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		int at = 19;
		int micros = 0;
		if (text.charAt(at) == '.') {
			int start = ++at;
			while (at < text.length() && Character.isDigit(text.charAt(at))) {
				if (at - start < 6) {
					micros = micros * 10 + (text.charAt(at) - '0');
				}
				at++;
			}
			int length = at - start;
			if (length == 0 || length > 9) {
				return null;
			}
			for (int i = length; i < 6; i++) {
				micros *= 10;
			}
		}
		int offsetSeconds = offset(text, at);
		if (offsetSeconds == Integer.MIN_VALUE) {
			return null;
		}
		try {
			long epochDay = LocalDate.of(year, month, day).toEpochDay();
			long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
			return Instant.ofEpochSecond(seconds, micros * 1000L);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * {@code Z}, {@code +HH}, {@code +HH:MM} or {@code +HHMM} to the end; else MIN_VALUE.
	 */
	private static int offset(String text, int at) {
		int rest = text.length() - at;
		if (rest == 1 && text.charAt(at) == 'Z') {
			return 0;
		}
		if (rest < 3 || text.charAt(at) != '+' && text.charAt(at) != '-') {
			return Integer.MIN_VALUE;
		}
		int sign = text.charAt(at) == '-' ? -1 : 1;
		int hours = digits(text, at + 1, 2);
		int minutes = switch (rest) {
			case 3 -> 0;
			case 5 -> digits(text, at + 3, 2);
			case 6 -> text.charAt(at + 3) == ':' ? digits(text, at + 4, 2) : -1;
			default -> -1;
		};
		if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
			return Integer.MIN_VALUE;
		}
		try {
			return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes).getTotalSeconds();
		}
		catch (DateTimeException ex) {
			return Integer.MIN_VALUE;
		}
	}

	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
