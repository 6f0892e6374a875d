package io.soc2ops.findings;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FastTimestampTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-28T10:15:30Z", "2026-11-28T10:15:30.1Z", "2026-11-28T10:15:30.123Z",
			"2026-11-28T10:15:30.123456Z", "2026-11-28T10:15:30.123456789Z", "2026-11-28T10:15:30+09:00",
			"2026-11-28T10:15:30.5-05:30", "2024-02-29T23:59:59.999999999+0900", "2026-01-01T00:00:00+09",
			"1999-12-31T23:59:59-12:00" })
	void agreesWithTheGeneralFormatterOnTheShapesFindingsUse(String text) {
		var expected = OffsetDateTime
			.parse(text.matches(".*[+-][0-9]{2}$") ? text + ":00"
					: text.replaceFirst("([+-][0-9]{2})([0-9]{2})$", "$1:$2"))
			.toInstant()
			.truncatedTo(ChronoUnit.MICROS);

		assertThat(FastTimestamp.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-28T24:00:00Z",
			"2026-11-28 10:15:30Z", "2026-11-28T10:15:30", "2026-11-28T10:15:30.Z", "2026-11-28T10:15:30.1234567890Z",
			"2026-11-28T10:15:30+9", "2026-11-28T10:15:30+19:00", "2026-11-28T10:15:30ZZ", "not a time at all" })
	void leavesEverythingElseToTheGeneralFormatter(String text) {
		assertThat(FastTimestamp.parse(text)).isNull();
	}

}
