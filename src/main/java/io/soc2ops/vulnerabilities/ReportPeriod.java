package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * An audit period: from the start of {@code from} to the end of {@code to}, UTC, both
 * days included.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

	public ReportPeriod {
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from: " + from + " is after to (" + to + ")");
		}
	}

	/**
	 * A period from text as people type it.
	 * @throws IllegalArgumentException naming {@code from} or {@code to}
	 */
	public static ReportPeriod parse(@Nullable String from, @Nullable String to) {
		return new ReportPeriod(day("from", from), day("to", to));
	}

	public Instant start() {
		return from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first moment after the period. */
	public Instant end() {
		return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static LocalDate day(String name, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(name + ": is required (a date like 2026-01-31)");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + ": must be a date like 2026-01-31 but was '"
					+ (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'", ex);
		}
	}

}
