package io.soc2ops.vulnerabilities;

import java.util.EnumMap;
import java.util.Map;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The period report's totals, per severity and in all.
 *
 * @param all every severity together
 */
public record ReportTotals(Map<VulnerabilitySeverity, Counts> bySeverity, Counts all) {

	public ReportTotals {
		bySeverity = Map.copyOf(bySeverity);
	}

	/**
	 * @param items vulnerabilities open at some time in the period
	 * @param fixed of them, fixed by its end
	 * @param open of them, still open at its end
	 * @param withinSla fixed by their due time, or open and not yet due
	 * @param breached fixed late, or open and past due
	 * @param breachedExcepted of the breached, those an approved exception covered (at
	 * the fix, or at the period's end)
	 * @param noDeadline without a deadline (no policy in force, not covered, or no time
	 * set for the severity)
	 */
	public record Counts(long items, long fixed, long open, long withinSla, long breached, long breachedExcepted,
			long noDeadline) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

		Counts plus(boolean fixedByEnd, Boolean within, boolean excepted) {
			return new Counts(items + 1, fixed + (fixedByEnd ? 1 : 0), open + (fixedByEnd ? 0 : 1),
					withinSla + (Boolean.TRUE.equals(within) ? 1 : 0),
					breached + (Boolean.FALSE.equals(within) ? 1 : 0),
					breachedExcepted + (Boolean.FALSE.equals(within) && excepted ? 1 : 0),
					noDeadline + (within == null ? 1 : 0));
		}

	}

	/** Totals being counted as rows are written. */
	static final class Tally {

		private final EnumMap<VulnerabilitySeverity, Counts> bySeverity = new EnumMap<>(VulnerabilitySeverity.class);

		private Counts all = Counts.NONE;

		void add(VulnerabilitySeverity severity, boolean fixedByEnd, @org.jspecify.annotations.Nullable Boolean within,
				boolean excepted) {
			bySeverity.merge(severity, Counts.NONE.plus(fixedByEnd, within, excepted),
					(a, b) -> a.plus(fixedByEnd, within, excepted));
			all = all.plus(fixedByEnd, within, excepted);
		}

		ReportTotals totals() {
			var complete = new EnumMap<VulnerabilitySeverity, Counts>(VulnerabilitySeverity.class);
			for (var severity : VulnerabilitySeverity.values()) {
				complete.put(severity, bySeverity.getOrDefault(severity, Counts.NONE));
			}
			return new ReportTotals(complete, all);
		}

	}

}
