package io.soc2ops.vulnerabilities;

import java.util.EnumMap;
import java.util.Map;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * A team's vulnerabilities for its weekly digest.
 *
 * @param team the resources' {@code team} tag; empty for those without one
 * @param counts how many stand at each status, by severity (fixed: only those fixed in
 * the week)
 * @param newlyOverdue of the overdue, those whose due time fell in the week
 * @param fixedWithinSla of those fixed in the week, those fixed by their due time
 */
record TeamWeek(String team, Map<VulnerabilityStatus, Map<VulnerabilitySeverity, Long>> counts, long newlyOverdue,
		long fixedWithinSla) {

	TeamWeek {
		counts = Map.copyOf(counts);
	}

	long count(VulnerabilityStatus status) {
		return counts.getOrDefault(status, Map.of()).values().stream().mapToLong(Long::longValue).sum();
	}

	Map<VulnerabilitySeverity, Long> bySeverity(VulnerabilityStatus status) {
		return counts.getOrDefault(status, Map.of());
	}

	/** Collects a team's counts row by row. */
	static final class Builder {

		private final String team;

		private final Map<VulnerabilityStatus, Map<VulnerabilitySeverity, Long>> counts = new EnumMap<>(
				VulnerabilityStatus.class);

		private long newlyOverdue;

		private long fixedWithinSla;

		Builder(String team) {
			this.team = team;
		}

		Builder add(VulnerabilityStatus status, VulnerabilitySeverity severity, long items, long newlyOverdue,
				long fixedWithinSla) {
			counts.computeIfAbsent(status, s -> new EnumMap<>(VulnerabilitySeverity.class))
				.merge(severity, items, Long::sum);
			this.newlyOverdue += newlyOverdue;
			this.fixedWithinSla += fixedWithinSla;
			return this;
		}

		TeamWeek build() {
			var copied = new EnumMap<VulnerabilityStatus, Map<VulnerabilitySeverity, Long>>(VulnerabilityStatus.class);
			counts.forEach((status, bySeverity) -> copied.put(status, Map.copyOf(bySeverity)));
			return new TeamWeek(team, copied, newlyOverdue, fixedWithinSla);
		}

	}

}
