package io.soc2ops.policies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * How a version's terms differ from another's (the version in force): which severities
 * get another deadline, what the scope gains and loses, whether the effective date and
 * notes change.
 *
 * @param against the version compared with; null when none is in force, and then every
 * severity is listed as new
 * @param sla the severities whose deadline changes, in severity order
 */
public record PolicyDifference(@Nullable Integer against, List<SlaChange> sla, LocalDate effectiveFrom,
		@Nullable LocalDate effectiveFromWas, Set<String> accountsAdded, Set<String> accountsRemoved,
		Set<String> resourceTypesAdded, Set<String> resourceTypesRemoved, boolean notesChanged) {

	public PolicyDifference {
		sla = List.copyOf(sla);
		accountsAdded = sorted(accountsAdded);
		accountsRemoved = sorted(accountsRemoved);
		resourceTypesAdded = sorted(resourceTypesAdded);
		resourceTypesRemoved = sorted(resourceTypesRemoved);
	}

	/**
	 * A deadline that changes; {@code null} days mean no deadline.
	 */
	public record SlaChange(VulnerabilitySeverity severity, @Nullable Integer from, @Nullable Integer to) {

		/** Whether the new deadline is shorter (or there is one where there was none). */
		public boolean tighter() {
			return to != null && (from == null || to < from);
		}

	}

	static PolicyDifference between(@Nullable VulnerabilityPolicyVersion base, VulnerabilityPolicyTerms terms) {
		var changes = new ArrayList<SlaChange>();
		for (var severity : VulnerabilitySeverity.values()) {
			Integer from = base == null ? null : base.terms().slaDays().get(severity);
			Integer to = terms.slaDays().get(severity);
			if (base == null || !Objects.equals(from, to)) {
				changes.add(new SlaChange(severity, from, to));
			}
		}
		if (base == null) {
			return new PolicyDifference(null, changes, terms.effectiveFrom(), null, terms.accounts(), Set.of(),
					terms.resourceTypes(), Set.of(), !terms.notes().isEmpty());
		}
		var was = base.terms();
		return new PolicyDifference(base.version(), changes, terms.effectiveFrom(), was.effectiveFrom(),
				minus(terms.accounts(), was.accounts()), minus(was.accounts(), terms.accounts()),
				minus(terms.resourceTypes(), was.resourceTypes()), minus(was.resourceTypes(), terms.resourceTypes()),
				!was.notes().equals(terms.notes()));
	}

	/** Whether the terms say the same as the version compared with. */
	public boolean isEmpty() {
		return against != null && sla.isEmpty() && effectiveFrom.equals(effectiveFromWas) && accountsAdded.isEmpty()
				&& accountsRemoved.isEmpty() && resourceTypesAdded.isEmpty() && resourceTypesRemoved.isEmpty()
				&& !notesChanged;
	}

	public boolean scopeChanged() {
		return !accountsAdded.isEmpty() || !accountsRemoved.isEmpty() || !resourceTypesAdded.isEmpty()
				|| !resourceTypesRemoved.isEmpty();
	}

	private static Set<String> sorted(Set<String> items) {
		return Collections.unmodifiableSortedSet(new TreeSet<>(items));
	}

	private static Set<String> minus(Set<String> these, Set<String> those) {
		var left = new TreeSet<>(these);
		left.removeAll(those);
		return left;
	}

}
