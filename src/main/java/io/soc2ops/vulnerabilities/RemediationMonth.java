package io.soc2ops.vulnerabilities;

import java.time.YearMonth;
import java.util.Optional;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The vulnerabilities of one severity fixed in one month (UTC).
 *
 * @param fixed how many were fixed in the month
 * @param fixedWithDeadline of them, those that had a deadline
 * @param withinSla of those, fixed by their due time
 * @param totalDays the days from clock start to fix, summed over all fixed
 */
public record RemediationMonth(YearMonth month, VulnerabilitySeverity severity, long fixed, long fixedWithDeadline,
		long withinSla, double totalDays) {

	/**
	 * The share fixed within the SLA, 0-100; empty when none with a deadline was fixed.
	 */
	public Optional<Double> compliancePercent() {
		return fixedWithDeadline == 0 ? Optional.empty() : Optional.of(100.0 * withinSla / fixedWithDeadline);
	}

	/** The mean days from clock start to fix; empty when none was fixed. */
	public Optional<Double> meanDaysToRemediate() {
		return fixed == 0 ? Optional.empty() : Optional.of(totalDays / fixed);
	}

}
