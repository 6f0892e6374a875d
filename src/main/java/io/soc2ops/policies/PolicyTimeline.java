package io.soc2ops.policies;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which version is in force on which day. Approvals happen in the order of the versions
 * (a draft older than an approved version cannot be approved), so on any day the version
 * in force is the highest approved one whose first day has come: an approved version
 * holds until a later one's first day, and a later one whose first day is earlier
 * replaces it before it starts.
 */
final class PolicyTimeline {

	private final List<VulnerabilityPolicyVersion> versions;

	/**
	 * @param versions every version, in any order
	 */
	PolicyTimeline(List<VulnerabilityPolicyVersion> versions) {
		this.versions = versions.stream().sorted(Comparator.comparingInt(VulnerabilityPolicyVersion::version)).toList();
	}

	Optional<VulnerabilityPolicyVersion> inForce(LocalDate day) {
		return approved().filter(v -> !startsOf(v).isAfter(day)).reduce((earlier, later) -> later);
	}

	/** Every version, newest first, each with what it means on {@code today}. */
	List<VulnerabilityPolicyVersion> asOf(LocalDate today) {
		var inForce = inForce(today);
		return versions.reversed().stream().map(v -> v.standing(standing(v, today, inForce))).toList();
	}

	/** The latest approved version, in force or not yet. */
	Optional<VulnerabilityPolicyVersion> latestApproved() {
		return approved().reduce((earlier, later) -> later);
	}

	private VersionStanding standing(VulnerabilityPolicyVersion version, LocalDate today,
			Optional<VulnerabilityPolicyVersion> inForce) {
		return switch (version.state()) {
			case REJECTED -> VersionStanding.REJECTED;
			case DRAFT -> approved().anyMatch(v -> v.version() > version.version()) ? VersionStanding.OUTDATED
					: VersionStanding.DRAFT;
			case APPROVED -> {
				if (inForce.filter(v -> v.version() == version.version()).isPresent()) {
					yield VersionStanding.IN_FORCE;
				}
				LocalDate starts = startsOf(version);
				boolean overtaken = approved()
					.anyMatch(v -> v.version() > version.version() && !startsOf(v).isAfter(starts));
				yield starts.isAfter(today) && !overtaken ? VersionStanding.SCHEDULED : VersionStanding.SUPERSEDED;
			}
		};
	}

	private java.util.stream.Stream<VulnerabilityPolicyVersion> approved() {
		return versions.stream().filter(v -> v.state() == VersionState.APPROVED);
	}

	private static LocalDate startsOf(VulnerabilityPolicyVersion version) {
		return Objects.requireNonNull(version.inForceFrom(), "an approved version has its first day");
	}

}
