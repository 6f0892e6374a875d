package io.soc2ops.policies;

/**
 * What a version means on a given day, from its state and the versions around it.
 */
public enum VersionStanding {

	/** Waiting for approval. */
	DRAFT,
	/**
	 * A draft drafted before a later version was approved: it can only be rejected; draft
	 * again from the version in force.
	 */
	OUTDATED,
	/** Rejected. */
	REJECTED,
	/** Approved, and in force from a day still to come. */
	SCHEDULED,
	/** The version in force. */
	IN_FORCE,
	/**
	 * Approved, and replaced by a later approved version (or never in force because of
	 * one).
	 */
	SUPERSEDED

}
