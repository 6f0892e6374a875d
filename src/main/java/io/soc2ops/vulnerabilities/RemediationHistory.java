package io.soc2ops.vulnerabilities;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * Fixes per month and severity, oldest month first: one {@link RemediationMonth} for
 * every month and severity, with zeros where nothing was fixed.
 */
public record RemediationHistory(List<YearMonth> months,
		Map<VulnerabilitySeverity, List<RemediationMonth>> bySeverity) {

	public RemediationHistory {
		months = List.copyOf(months);
		var copy = new EnumMap<VulnerabilitySeverity, List<RemediationMonth>>(VulnerabilitySeverity.class);
		bySeverity.forEach((severity, cells) -> copy.put(severity, List.copyOf(cells)));
		bySeverity = Map.copyOf(copy);
	}

	public List<RemediationMonth> of(VulnerabilitySeverity severity) {
		return bySeverity.getOrDefault(severity, List.of());
	}

	/** Whether anything of this severity was fixed in any of the months. */
	public boolean anyFixed(VulnerabilitySeverity severity) {
		return of(severity).stream().anyMatch(month -> month.fixed() > 0);
	}

}
