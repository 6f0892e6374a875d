package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * What a newer observation does to a stored item: its clock (an earlier first observation
 * moves the start), its severity, whether it is fixed or open again, and so its deadline;
 * with a history entry for each change that moves or ends the clock. An item fixed before
 * keeps the clock and deadline it was fixed under.
 */
record ItemRevision(StoredItem item, ItemValues values, VulnerabilitySeverity severity, Instant startedAt,
		@Nullable Instant fixedAt, DeadlineRow deadline, List<Change> changes) {

	static ItemRevision of(StoredItem item, ItemValues values, @Nullable SlaPolicy policy) {
		boolean reopened = !values.closed() && item.fixedAt() != null;
		boolean wasOpen = item.fixedAt() == null || reopened;
		Instant firstObserved = earliest(item.firstObservedAt(), values.firstObservedAt());
		// a fixed item keeps the clock it was fixed under, as it keeps its deadline
		Instant start = !wasOpen ? item.startedAt() : firstObserved != null ? firstObserved : item.firstSeenAt();
		var deadline = new DeadlineRow(item.dueAt(), item.slaDays(), item.policyVersion());
		var changes = new ArrayList<Change>();
		boolean severityChanged = values.severity() != item.severity();
		boolean startChanged = !start.equals(item.startedAt());
		if (wasOpen && (severityChanged || startChanged || reopened)) {
			deadline = DeadlineRow
				.of(Deadline.of(policy, values.accountId(), values.resourceType(), values.severity(), start));
		}
		if (severityChanged) {
			changes.add(new Change(VulnerabilityChange.Kind.SEVERITY_CHANGED, item.severity(), values.severity(),
					item.dueAt(), deadline.dueAt(), deadline.policyVersion()));
		}
		if (startChanged) {
			changes.add(new Change(VulnerabilityChange.Kind.CLOCK_START_CHANGED, values.severity(), values.severity(),
					item.dueAt(), deadline.dueAt(), deadline.policyVersion()));
		}
		if (reopened) {
			changes.add(new Change(VulnerabilityChange.Kind.REOPENED, values.severity(), values.severity(),
					item.dueAt(), deadline.dueAt(), deadline.policyVersion()));
		}
		Instant fixedAt = item.fixedAt();
		if (values.closed() && fixedAt == null) {
			fixedAt = latest(start, values.updatedAt());
			changes.add(new Change(VulnerabilityChange.Kind.FIXED, values.severity(), values.severity(),
					deadline.dueAt(), deadline.dueAt(), deadline.policyVersion()));
		}
		else if (reopened) {
			fixedAt = null;
		}
		return new ItemRevision(item, values, values.severity(), start, fixedAt, deadline, List.copyOf(changes));
	}

	/** Whether the deadline row changes. */
	boolean deadlineChanged() {
		return severity != item.severity() || !startedAt.equals(item.startedAt())
				|| !Objects.equals(fixedAt, item.fixedAt()) || !Objects.equals(deadline.dueAt(), item.dueAt())
				|| !Objects.equals(deadline.policyVersion(), item.policyVersion());
	}

	static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isBefore(b) ? a : b;
	}

	static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * One entry of an item's history.
	 *
	 * @param policyVersion the policy version behind the new due time
	 */
	record Change(VulnerabilityChange.Kind kind, VulnerabilitySeverity oldSeverity, VulnerabilitySeverity newSeverity,
			@Nullable Instant oldDueAt, @Nullable Instant newDueAt, @Nullable Integer policyVersion) {
	}

}
