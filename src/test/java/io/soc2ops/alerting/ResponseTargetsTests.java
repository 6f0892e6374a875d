package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.soc2ops.findings.Severity;

/**
 * Targets per severity as {@code soc2ops.alerting.targets.<severity>.acknowledge} and
 * {@code .resolve}: defaults where nothing is set, 0 for none, and no acknowledge target
 * longer than its resolve target.
 */
class ResponseTargetsTests {

	@Test
	void withNothingSetEverySeverityHasItsDefault() {
		var targets = bind(Map.of());

		assertThat(targets.target(Severity.CRITICAL))
			.isEqualTo(new ResponseTargets.Target(Duration.ofMinutes(15), Duration.ofHours(4)));
		assertThat(targets.target(Severity.HIGH))
			.isEqualTo(new ResponseTargets.Target(Duration.ofHours(1), Duration.ofHours(24)));
		assertThat(targets.target(Severity.MEDIUM))
			.isEqualTo(new ResponseTargets.Target(Duration.ofHours(4), Duration.ofDays(3)));
		assertThat(targets.target(Severity.LOW))
			.isEqualTo(new ResponseTargets.Target(Duration.ofDays(1), Duration.ofDays(14)));
		assertThat(targets.target(Severity.INFORMATIONAL)).isEqualTo(new ResponseTargets.Target(null, null));
	}

	@Test
	void aValueSetReplacesItsDefaultOnlyAndZeroMeansNone() {
		var targets = bind(Map.of("soc2ops.alerting.targets.critical.acknowledge", "5m",
				"soc2ops.alerting.targets.low.resolve", "0", "soc2ops.alerting.targets.informational.resolve", "30d"));

		assertThat(targets.target(Severity.CRITICAL))
			.isEqualTo(new ResponseTargets.Target(Duration.ofMinutes(5), Duration.ofHours(4)));
		assertThat(targets.target(Severity.LOW)).isEqualTo(new ResponseTargets.Target(Duration.ofDays(1), null));
		assertThat(targets.target(Severity.INFORMATIONAL))
			.isEqualTo(new ResponseTargets.Target(null, Duration.ofDays(30)));
	}

	@Test
	void anAcknowledgeTargetLongerThanItsResolveTargetIsRefusedNamingIt() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("soc2ops.alerting.targets.high.acknowledge", "2d")))
			.havingRootCause()
			.withMessageContaining("soc2ops.alerting.targets.high.acknowledge (PT48H) is longer than its .resolve");
	}

	@Test
	void aNegativeTargetIsRefused() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("soc2ops.alerting.targets.medium.resolve", "-1h")))
			.havingRootCause()
			.withMessageContaining("soc2ops.alerting.targets.medium: targets are durations of 0 (none) or more");
	}

	@Test
	void anEnvironmentVariableSetsATargetAsTheReadmeSays() {
		var environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("SOC2OPS_ALERTING_TARGETS_CRITICAL_ACKNOWLEDGE", "10m"));

		var targets = new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("soc2ops.alerting",
				ResponseTargets.class);

		assertThat(targets.target(Severity.CRITICAL))
			.isEqualTo(new ResponseTargets.Target(Duration.ofMinutes(10), Duration.ofHours(4)));
	}

	private static ResponseTargets bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("soc2ops.alerting",
				ResponseTargets.class);
	}

}
