package io.soc2ops.vulnerabilities;

import java.util.List;

/**
 * The period report in brief: its totals, and the policy versions that set the deadlines
 * of its rows, in order (none for rows without a policy).
 */
public record PeriodSummary(ReportTotals totals, List<Integer> policyVersions) {

	public PeriodSummary {
		policyVersions = List.copyOf(policyVersions);
	}

}
