package io.soc2ops.access;

/**
 * Where an offboarding stands.
 */
public enum OffboardingState {

	/** Removals are outstanding and the target has not passed. */
	OPEN,

	/** Every removal was done by the target. */
	COMPLETED_IN_TIME,

	/** Every removal was done, the last one after the target. */
	COMPLETED_LATE,

	/** Removals are outstanding and the target has passed. */
	OVERDUE

}
