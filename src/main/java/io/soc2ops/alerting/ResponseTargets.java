package io.soc2ops.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.soc2ops.findings.Severity;

/**
 * How soon a case must be acknowledged and closed, by the alert's severity
 * ({@code soc2ops.alerting.targets.<severity>.acknowledge} and {@code .resolve}, such as
 * {@code 15m}, {@code 4h}, {@code 3d}). Unset values keep their defaults (critical 15m /
 * 4h, high 1h / 24h, medium 4h / 3d, low 1d / 14d, informational none); {@code 0} means
 * no target. Both are counted from the moment the alert is raised.
 */
@ConfigurationProperties("soc2ops.alerting")
record ResponseTargets(@DefaultValue Map<Severity, Setting> targets) {

	static final Map<Severity, Target> DEFAULTS = Map.of(Severity.CRITICAL,
			new Target(Duration.ofMinutes(15), Duration.ofHours(4)), Severity.HIGH,
			new Target(Duration.ofHours(1), Duration.ofHours(24)), Severity.MEDIUM,
			new Target(Duration.ofHours(4), Duration.ofDays(3)), Severity.LOW,
			new Target(Duration.ofDays(1), Duration.ofDays(14)), Severity.INFORMATIONAL, new Target(null, null));

	ResponseTargets {
		targets = Map.copyOf(targets);
		for (var severity : Severity.values()) {
			target(severity, targets.get(severity));
		}
	}

	/** The targets for alerts of this severity, defaults filled in. */
	Target target(Severity severity) {
		return target(severity, targets.get(severity));
	}

	private static Target target(Severity severity, @Nullable Setting setting) {
		var fallback = DEFAULTS.get(severity);
		if (setting == null) {
			return fallback;
		}
		String name = "soc2ops.alerting.targets." + severity.name().toLowerCase(java.util.Locale.ROOT);
		var target = new Target(setting.acknowledge == null ? fallback.acknowledge() : none(setting.acknowledge),
				setting.resolve == null ? fallback.resolve() : none(setting.resolve));
		if (setting.acknowledge != null && setting.acknowledge.isNegative()
				|| setting.resolve != null && setting.resolve.isNegative()) {
			throw new IllegalArgumentException(name + ": targets are durations of 0 (none) or more");
		}
		if (target.acknowledge() != null && target.resolve() != null
				&& target.acknowledge().compareTo(target.resolve()) > 0) {
			throw new IllegalArgumentException(
					name + ".acknowledge (" + target.acknowledge() + ") is longer than its .resolve ("
							+ target.resolve() + "): a case is acknowledged before it closes");
		}
		return target;
	}

	private static @Nullable Duration none(Duration configured) {
		return configured.isZero() || configured.isNegative() ? null : configured;
	}

	/** As configured: a missing value keeps the default, 0 means none. */
	record Setting(@Nullable Duration acknowledge, @Nullable Duration resolve) {
	}

	/** In force: a missing duration means no target. */
	record Target(@Nullable Duration acknowledge, @Nullable Duration resolve) {

		@Nullable Instant acknowledgeDue(Instant opened) {
			return acknowledge == null ? null : opened.plus(acknowledge);
		}

		@Nullable Instant resolveDue(Instant opened) {
			return resolve == null ? null : opened.plus(resolve);
		}

	}

}
