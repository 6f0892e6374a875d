package io.soc2ops.catalog;

/**
 * How ready a criterion (or one control) is to be shown to an auditor.
 */
public enum ReadinessStatus {

	/** Nothing to assess: no control addresses the criterion. */
	NO_DATA,
	/** Every control behind it was last tested and passed. */
	PASSING,
	/** At least one control behind it was last tested and failed. */
	FAILING,
	/** Controls exist, but at least one has no evidence yet. */
	NEEDS_EVIDENCE

}
