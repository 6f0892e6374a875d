package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * An item as the intake compares it with what arrives: its version, its clock and its
 * deadline.
 */
record StoredItem(long id, String key, Instant sourceUpdatedAt, Set<VulnerabilitySource> sources,
		VulnerabilitySeverity severity, @Nullable Instant firstObservedAt, Instant firstSeenAt, Instant startedAt,
		@Nullable Instant fixedAt, @Nullable Instant dueAt, @Nullable Integer slaDays,
		@Nullable Integer policyVersion) {

	StoredItem {
		sources = Set.copyOf(sources);
	}

	/** The sources with one more. */
	Set<VulnerabilitySource> sourcesWith(VulnerabilitySource source) {
		var all = EnumSet.of(source);
		all.addAll(sources);
		return all;
	}

}
