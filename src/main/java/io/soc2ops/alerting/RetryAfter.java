package io.soc2ops.alerting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP {@code Retry-After} header: a number of seconds, or an HTTP date (RFC 9110), as
 * a wait from now. A date in the past means no wait; a value that is neither is ignored.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static Optional<Duration> parse(@Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		String value = header.strip();
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		try {
			var until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
