package io.soc2ops.findings;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Findings settings ({@code soc2ops.findings.*}).
 *
 * @param retention how long finding history and posture snapshots are kept, such as
 * {@code 3y} or {@code 18m}; at least one year, since a SOC 2 Type 2 period runs up to
 * twelve months and the auditor samples from all of it
 */
@ConfigurationProperties("soc2ops.findings")
record FindingsSettings(@DefaultValue("3y") Period retention) {

	// one year back from 1 March 2024 is 366 days, from 1 March 2025 it is 365: a period
	// reaching that far from both is a year or more, whatever the calendar
	private static final List<LocalDate> REFERENCE_DAYS = List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 3, 1));

	FindingsSettings {
		if (REFERENCE_DAYS.stream().anyMatch(day -> day.minus(retention).isAfter(day.minusYears(1)))) {
			throw new IllegalArgumentException("soc2ops.findings.retention: " + retention
					+ " is shorter than one year; SOC 2 Type 2 audit periods run up to 12 months,"
					+ " so keep at least 1y (the default is 3y)");
		}
	}

}
