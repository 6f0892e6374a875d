package io.soc2ops.catalog;

import java.util.Optional;

/**
 * One control with its latest test and how much evidence exists for it.
 */
public record ControlReadiness(Control control, ReadinessStatus status, Optional<ControlTest> latestTest,
		long evidenceEntries) {

	/**
	 * A manual control nobody has produced evidence for: what an auditor will ask about
	 * first.
	 */
	public boolean gap() {
		return !control.automated() && evidenceEntries == 0;
	}

}
