package io.soc2ops.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One control with its latest test, the results of its automated checks, and how much
 * evidence exists for it.
 */
public record ControlReadiness(Control control, ReadinessStatus status, Optional<ControlTest> latestTest,
		long evidenceEntries, List<CheckResult> checkResults) {

	public ControlReadiness {
		checkResults = List.copyOf(checkResults);
	}

	/**
	 * A manual control nobody has produced evidence for: what an auditor will ask about
	 * first.
	 */
	public boolean gap() {
		return !control.automated() && evidenceEntries == 0;
	}

	/** Resources failing this control's automated checks, summed over the checks. */
	public long failingResources() {
		return checkResults.stream().mapToLong(CheckResult::failingResources).sum();
	}

}
