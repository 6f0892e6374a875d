package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * One vulnerability of the period report, judged as of the period's end (or now, for a
 * period not over): the columns of the CSV's {@code item} lines.
 *
 * @param firstObserved the clock start: first observed, else first seen by soc2ops
 * @param fixed when fixed, if by the period's end
 * @param status at the period's end
 * @param withinSla null without a deadline
 * @param exceptionId the latest exception approved by the period's end
 * @param excepted whether that exception held at the fix (or at the period's end)
 * @param deadline the deadline in words, or why there is none
 */
public record ReportRow(long vulnerabilityId, String findingArn, String resourceId, String resourceType,
		String accountId, String region, @Nullable String team, String kind, VulnerabilitySeverity severity,
		@Nullable String cve, String title, Instant firstObserved, @Nullable Instant due, @Nullable Integer slaDays,
		@Nullable Integer policyVersion, @Nullable Instant fixed, VulnerabilityStatus status,
		@Nullable Boolean withinSla, @Nullable Long exceptionId, @Nullable LocalDate exceptionExpiresOn,
		boolean excepted, String deadline) {

	/** {@code yes}, {@code no} or {@code n/a}, as the CSV says it. */
	public String withinSlaText() {
		return withinSla == null ? "n/a" : withinSla ? "yes" : "no";
	}

}
