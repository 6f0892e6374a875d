package io.soc2ops.vulnerabilities;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The vulnerabilities not fixed of one account or one team: how many of each severity,
 * and how many of them are overdue or excepted.
 *
 * @param key the account ID or the team; null for resources without a team tag
 */
public record Breakdown(@Nullable String key, Map<VulnerabilitySeverity, Long> bySeverity, long overdue,
		long excepted) {

	public Breakdown {
		bySeverity = Map.copyOf(bySeverity);
	}

	public long count(VulnerabilitySeverity severity) {
		return bySeverity.getOrDefault(severity, 0L);
	}

	public long unfixed() {
		return bySeverity.values().stream().mapToLong(Long::longValue).sum();
	}

	/** What vulnerabilities are broken down by. */
	public enum Dimension {

		ACCOUNT, TEAM

	}

	static Breakdown empty(@Nullable String key) {
		return new Breakdown(key, new EnumMap<>(VulnerabilitySeverity.class), 0, 0);
	}

	Breakdown plus(VulnerabilitySeverity severity, VulnerabilityStatus status, long count) {
		var counts = new EnumMap<VulnerabilitySeverity, Long>(VulnerabilitySeverity.class);
		counts.putAll(bySeverity);
		counts.merge(severity, count, Long::sum);
		return new Breakdown(key, counts, overdue + (status == VulnerabilityStatus.OVERDUE ? count : 0),
				excepted + (status == VulnerabilityStatus.EXCEPTED ? count : 0));
	}

}
