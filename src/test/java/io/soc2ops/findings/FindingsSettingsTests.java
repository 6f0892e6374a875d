package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.soc2ops.Soc2opsApplication;

/**
 * Retention reaches at least one year back, since a SOC 2 Type 2 audit period runs up to
 * twelve months; below that soc2ops does not start.
 */
class FindingsSettingsTests {

	@ParameterizedTest
	@ValueSource(strings = { "P1Y", "P12M", "P366D", "P3Y", "P1Y6M" })
	void aYearOrMoreIsAccepted(String retention) {
		assertThat(new FindingsSettings(Period.parse(retention)).retention()).isEqualTo(Period.parse(retention));
	}

	@ParameterizedTest
	@ValueSource(strings = { "P11M", "P365D", "P11M30D", "P0D" })
	void lessThanAYearIsRefusedNamingTheSetting(String retention) {
		assertThatThrownBy(() -> new FindingsSettings(Period.parse(retention)))
			.hasMessageStartingWith("soc2ops.findings.retention: " + retention + " is shorter than one year");
	}

	@Test
	void startUpStopsOnARetentionBelowOneYear() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run("--soc2ops.findings.retention=6m", "--logging.level.root=OFF")
			.close()).rootCause().hasMessageContaining("soc2ops.findings.retention: P6M is shorter than one year");
	}

}
