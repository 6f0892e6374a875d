package io.soc2ops.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.soc2ops.evidence.Actor;

/**
 * Which version is in force on a day: an approved version holds from its first day until
 * a later approved version's first day; drafts and rejected versions never do.
 */
class PolicyTimelineTests {

	static final LocalDate JAN = LocalDate.of(2026, 1, 1);

	static final LocalDate MAR = LocalDate.of(2026, 3, 1);

	static final LocalDate JUN = LocalDate.of(2026, 6, 1);

	@Test
	void nothingIsInForceBeforeTheFirstApprovedVersionsFirstDay() {
		var timeline = new PolicyTimeline(List.of(approved(1, MAR), draft(2)));

		assertThat(timeline.inForce(MAR.minusDays(1))).isEmpty();
		assertThat(timeline.inForce(MAR)).map(VulnerabilityPolicyVersion::version).contains(1);
	}

	@Test
	void aLaterApprovedVersionTakesOverOnItsFirstDay() {
		var timeline = new PolicyTimeline(List.of(approved(1, JAN), approved(2, MAR), rejected(3), draft(4)));

		assertThat(timeline.inForce(MAR.minusDays(1))).map(VulnerabilityPolicyVersion::version).contains(1);
		assertThat(timeline.inForce(MAR)).map(VulnerabilityPolicyVersion::version).contains(2);
		assertThat(timeline.inForce(JUN)).map(VulnerabilityPolicyVersion::version).contains(2);
	}

	@Test
	void standingsSayWhatEachVersionMeansToday() {
		var timeline = new PolicyTimeline(List.of(approved(1, JAN), approved(2, MAR), rejected(3), draft(4)));

		assertThat(timeline.asOf(JAN.plusDays(10))).extracting(VulnerabilityPolicyVersion::standing)
			.containsExactly(VersionStanding.DRAFT, VersionStanding.REJECTED, VersionStanding.SCHEDULED,
					VersionStanding.IN_FORCE);
		assertThat(timeline.asOf(JUN)).extracting(VulnerabilityPolicyVersion::standing)
			.containsExactly(VersionStanding.DRAFT, VersionStanding.REJECTED, VersionStanding.IN_FORCE,
					VersionStanding.SUPERSEDED);
	}

	@Test
	void aLaterVersionStartingEarlierReplacesAScheduledOneBeforeItStarts() {
		var timeline = new PolicyTimeline(List.of(approved(1, JAN), approved(2, JUN), approved(3, MAR)));

		assertThat(timeline.inForce(JUN.plusDays(1))).map(VulnerabilityPolicyVersion::version).contains(3);
		assertThat(timeline.asOf(MAR.minusDays(1))).extracting(VulnerabilityPolicyVersion::standing)
			.containsExactly(VersionStanding.SCHEDULED, VersionStanding.SUPERSEDED, VersionStanding.IN_FORCE);
	}

	@Test
	void aDraftOlderThanAnApprovedVersionIsOutdated() {
		var timeline = new PolicyTimeline(List.of(approved(1, JAN), draft(2), approved(3, MAR)));

		assertThat(timeline.asOf(JUN)).extracting(VulnerabilityPolicyVersion::standing)
			.containsExactly(VersionStanding.IN_FORCE, VersionStanding.OUTDATED, VersionStanding.SUPERSEDED);
		assertThat(timeline.latestApproved()).map(VulnerabilityPolicyVersion::version).contains(3);
	}

	static VulnerabilityPolicyVersion approved(int version, LocalDate from) {
		return version(version, VersionState.APPROVED, from);
	}

	static VulnerabilityPolicyVersion draft(int version) {
		return version(version, VersionState.DRAFT, null);
	}

	static VulnerabilityPolicyVersion rejected(int version) {
		return version(version, VersionState.REJECTED, null);
	}

	private static VulnerabilityPolicyVersion version(int version, VersionState state, @Nullable LocalDate from) {
		var terms = VulnerabilityPolicyTerms.reference(from == null ? JAN : from, "v" + version);
		var decision = state == VersionState.DRAFT ? null
				: new PolicyDecision(Actor.user("approver"), Instant.parse("2026-01-01T00:00:00Z"), "");
		return new VulnerabilityPolicyVersion(version, state, VersionStanding.DRAFT, terms, Actor.user("author"),
				Instant.parse("2026-01-01T00:00:00Z"), "test", "", "", decision, from);
	}

}
