package io.soc2ops.access;

/**
 * What a reviewer decided about an item of a review campaign.
 */
public enum ReviewDecision {

	/** The access is still needed. */
	KEEP,

	/** The access is to be removed: a removal is opened for it. */
	REVOKE

}
