package io.soc2ops.schedule;

/**
 * How a run of a recurring task ended.
 */
public enum RunOutcome {

	SUCCEEDED,
	/** The body threw; the task runs again at its next slot. */
	FAILED

}
