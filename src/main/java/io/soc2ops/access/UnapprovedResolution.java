package io.soc2ops.access;

/**
 * How an unapproved-access exception ended.
 */
public enum UnapprovedResolution {

	/** An approved request came to cover the holding. */
	APPROVED,

	/** No inventory lists the holding any more. */
	GONE

}
