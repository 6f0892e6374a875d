package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds or as an HTTP date (RFC 9110, section 10.2.3). */
class RetryAfterTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");

	@Test
	void readsSeconds() {
		assertThat(RetryAfter.parse("30", NOW)).contains(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
	}

	@Test
	void readsAnHttpDateAsTheWaitFromNow() {
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:16:30 GMT", NOW)).contains(Duration.ofSeconds(90));
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:00:00 GMT", NOW)).as("in the past").contains(Duration.ZERO);
	}

	@Test
	void ignoresWhatIsNeither() {
		assertThat(RetryAfter.parse(null, NOW)).isEmpty();
		assertThat(RetryAfter.parse("", NOW)).isEmpty();
		assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
		assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEmpty();
	}

}
