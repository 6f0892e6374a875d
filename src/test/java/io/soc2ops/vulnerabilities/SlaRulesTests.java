package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.SlaRules.ExceptionWindow;

/**
 * The SLA rules on their own: deadlines from a policy, the status at a moment, within SLA
 * or not, and what exceptions and their expiry do.
 */
class SlaRulesTests {

	static final Instant START = Instant.parse("2026-03-01T09:30:00Z");

	static final String ACCOUNT = "111122223333";

	@Test
	void theDueTimeIsTheClockStartPlusTheDaysOfTheSeverity() {
		var policy = Fixtures.policy(2, LocalDate.of(2026, 1, 1));

		assertThat(Deadline.of(policy, ACCOUNT, "AwsEc2Instance", VulnerabilitySeverity.CRITICAL, START))
			.isEqualTo(new Deadline.Due(Instant.parse("2026-03-02T09:30:00Z"), 1, 2));
		assertThat(Deadline.of(policy, ACCOUNT, "AwsEc2Instance", VulnerabilitySeverity.HIGH, START).dueAt())
			.isEqualTo("2026-03-08T09:30:00Z");
		assertThat(Deadline.of(policy, ACCOUNT, "AwsEc2Instance", VulnerabilitySeverity.MEDIUM, START).dueAt())
			.isEqualTo("2026-03-31T09:30:00Z");
	}

	@Test
	void aSeverityThePolicyGivesNoTimeHasNoDeadlineAndSaysSo() {
		var deadline = Deadline.of(Fixtures.policy(2, LocalDate.of(2026, 1, 1)), ACCOUNT, "AwsEc2Instance",
				VulnerabilitySeverity.LOW, START);

		assertThat(deadline).isEqualTo(new Deadline.None(Deadline.Reason.NO_SLA_FOR_SEVERITY, 2));
		assertThat(deadline.note()).isEqualTo("no deadline: policy v2 sets none for this severity");
	}

	@Test
	void withoutAPolicyInForceThereIsNoDeadlineAndItSaysSo() {
		var deadline = Deadline.of(null, ACCOUNT, "AwsEc2Instance", VulnerabilitySeverity.CRITICAL, START);

		assertThat(deadline.dueAt()).isNull();
		assertThat(deadline.policyVersion()).isNull();
		assertThat(deadline.note()).isEqualTo("no deadline: no approved vulnerability policy was in force");
	}

	@Test
	void anAccountOrResourceTypeOutOfThePolicysScopeHasNoDeadline() {
		var policy = Fixtures.policy(3, LocalDate.of(2026, 1, 1), 1, 7, 30, Set.of("444455556666"),
				Set.of("AwsEcrContainerImage"));

		assertThat(Deadline.of(policy, ACCOUNT, "AwsEcrContainerImage", VulnerabilitySeverity.CRITICAL, START))
			.isEqualTo(new Deadline.None(Deadline.Reason.NOT_COVERED, 3));
		assertThat(Deadline.of(policy, "444455556666", "AwsEc2Instance", VulnerabilitySeverity.CRITICAL, START))
			.isEqualTo(new Deadline.None(Deadline.Reason.NOT_COVERED, 3));
		assertThat(Deadline.of(policy, "444455556666", "AwsEcrContainerImage", VulnerabilitySeverity.CRITICAL, START))
			.isInstanceOf(Deadline.Due.class);
	}

	@Test
	void openUntilDueThenOverdueUntilFixed() {
		Instant due = START.plus(Duration.ofDays(7));

		assertThat(SlaRules.statusAt(due, null, due, List.of())).isEqualTo(VulnerabilityStatus.OPEN);
		assertThat(SlaRules.statusAt(due.plusMillis(1), null, due, List.of())).isEqualTo(VulnerabilityStatus.OVERDUE);
		var fixed = due.plus(Duration.ofDays(2));
		assertThat(SlaRules.statusAt(fixed.minusSeconds(1), fixed, due, List.of()))
			.isEqualTo(VulnerabilityStatus.OVERDUE);
		assertThat(SlaRules.statusAt(fixed, fixed, due, List.of())).isEqualTo(VulnerabilityStatus.FIXED);
	}

	@Test
	void withoutADeadlineItIsNeverOverdue() {
		assertThat(SlaRules.statusAt(START.plus(Duration.ofDays(3650)), null, null, List.of()))
			.isEqualTo(VulnerabilityStatus.OPEN);
		assertThat(SlaRules.withinSla(null, null, START)).isEmpty();
	}

	@Test
	void anApprovedExceptionExceptsUntilTheEndOfItsExpiryDayThenItIsOverdueAgain() {
		Instant due = START.plus(Duration.ofDays(1));
		var window = new ExceptionWindow(7, Instant.parse("2026-03-05T12:00:00Z"),
				RiskAcceptance.expiresAt(LocalDate.of(2026, 3, 20)));

		assertThat(SlaRules.statusAt(Instant.parse("2026-03-05T11:59:59Z"), null, due, List.of(window)))
			.as("before its approval")
			.isEqualTo(VulnerabilityStatus.OVERDUE);
		assertThat(SlaRules.statusAt(Instant.parse("2026-03-05T12:00:00Z"), null, due, List.of(window)))
			.isEqualTo(VulnerabilityStatus.EXCEPTED);
		assertThat(SlaRules.statusAt(Instant.parse("2026-03-20T23:59:59Z"), null, due, List.of(window)))
			.isEqualTo(VulnerabilityStatus.EXCEPTED);
		assertThat(SlaRules.statusAt(Instant.parse("2026-03-21T00:00:00Z"), null, due, List.of(window)))
			.as("its expiry day over")
			.isEqualTo(VulnerabilityStatus.OVERDUE);
		assertThat(SlaRules.statusAt(Instant.parse("2026-03-10T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z"), due,
				List.of(window)))
			.isEqualTo(VulnerabilityStatus.FIXED);
	}

	@Test
	void withinSlaWhenFixedByTheDueTimeOrStillOpenBeforeIt() {
		Instant due = START.plus(Duration.ofDays(7));

		assertThat(SlaRules.withinSla(due, due, due.plus(Duration.ofDays(30)))).contains(true);
		assertThat(SlaRules.withinSla(due, due.plusSeconds(1), due.plus(Duration.ofDays(30)))).contains(false);
		assertThat(SlaRules.withinSla(due, null, due.minusSeconds(1))).contains(true);
		assertThat(SlaRules.withinSla(due, null, due.plusSeconds(1))).contains(false);
		assertThat(SlaRules.withinSla(due, due.plus(Duration.ofDays(3)), due.minus(Duration.ofDays(1))))
			.as("fixed late, but after the moment asked about: still within then")
			.contains(true);
	}

	@Test
	void aSeverityChangeMovesTheDueTimeFromTheSameStartAndIsRecorded() {
		var policy = Fixtures.policy(2, LocalDate.of(2026, 1, 1));
		var stored = new StoredItem(1, "k", START, Set.of(VulnerabilitySource.INSPECTOR2), VulnerabilitySeverity.MEDIUM,
				START, START.plusSeconds(60), START, null, START.plus(Duration.ofDays(30)), 30, 2);
		var values = values(VulnerabilitySeverity.CRITICAL, START, false);

		var revision = ItemRevision.of(stored, values, policy);

		assertThat(revision.deadline()).isEqualTo(new DeadlineRow(START.plus(Duration.ofDays(1)), 1, 2));
		assertThat(revision.changes()).singleElement().satisfies(change -> {
			assertThat(change.kind()).isEqualTo(VulnerabilityChange.Kind.SEVERITY_CHANGED);
			assertThat(change.oldSeverity()).isEqualTo(VulnerabilitySeverity.MEDIUM);
			assertThat(change.newSeverity()).isEqualTo(VulnerabilitySeverity.CRITICAL);
			assertThat(change.oldDueAt()).isEqualTo(START.plus(Duration.ofDays(30)));
			assertThat(change.newDueAt()).isEqualTo(START.plus(Duration.ofDays(1)));
		});
		assertThat(revision.deadlineChanged()).isTrue();
	}

	@Test
	void aFixedItemKeepsTheDeadlineItWasFixedUnder() {
		var policy = Fixtures.policy(3, LocalDate.of(2026, 1, 1), 2, 14, 60, Set.of(), Set.of());
		Instant fixed = START.plus(Duration.ofDays(3));
		var stored = new StoredItem(1, "k", fixed, Set.of(VulnerabilitySource.INSPECTOR2), VulnerabilitySeverity.HIGH,
				START, START, START, fixed, START.plus(Duration.ofDays(7)), 7, 2);

		var revision = ItemRevision.of(stored, values(VulnerabilitySeverity.HIGH, START, true), policy);

		assertThat(revision.deadline()).isEqualTo(new DeadlineRow(START.plus(Duration.ofDays(7)), 7, 2));
		assertThat(revision.fixedAt()).isEqualTo(fixed);
		assertThat(revision.changes()).isEmpty();
		assertThat(revision.deadlineChanged()).isFalse();
	}

	@Test
	void closedIsFixedAtItsUpdateAndOpenAgainIsReopenedWithANewDeadline() {
		var policy = Fixtures.policy(2, LocalDate.of(2026, 1, 1));
		var open = new StoredItem(1, "k", START, Set.of(VulnerabilitySource.INSPECTOR2), VulnerabilitySeverity.HIGH,
				START, START, START, null, START.plus(Duration.ofDays(7)), 7, 2);
		var closing = values(VulnerabilitySeverity.HIGH, START, true);

		var fixed = ItemRevision.of(open, closing, policy);

		assertThat(fixed.fixedAt()).isEqualTo(closing.updatedAt());
		assertThat(fixed.changes()).extracting(ItemRevision.Change::kind)
			.containsExactly(VulnerabilityChange.Kind.FIXED);

		var closed = new StoredItem(1, "k", closing.updatedAt(), Set.of(VulnerabilitySource.INSPECTOR2),
				VulnerabilitySeverity.HIGH, START, START, START, closing.updatedAt(), START.plus(Duration.ofDays(7)), 7,
				1);
		var reopened = ItemRevision.of(closed, values(VulnerabilitySeverity.HIGH, START, false), policy);

		assertThat(reopened.fixedAt()).isNull();
		assertThat(reopened.deadline()).isEqualTo(new DeadlineRow(START.plus(Duration.ofDays(7)), 7, 2));
		assertThat(reopened.changes()).extracting(ItemRevision.Change::kind)
			.containsExactly(VulnerabilityChange.Kind.REOPENED);
	}

	private static ItemValues values(VulnerabilitySeverity severity, Instant firstObserved, boolean closed) {
		var observed = Fixtures.observed(Fixtures.findingArn(ACCOUNT), ACCOUNT, "i-0123456789abcdef0", severity,
				closed ? ObservedVulnerability.InspectorState.CLOSED : ObservedVulnerability.InspectorState.ACTIVE,
				firstObserved, START.plus(Duration.ofDays(2)));
		return ItemValues.of(observed, 0);
	}

}
