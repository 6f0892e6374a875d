package io.soc2ops.access;

/**
 * Why access is to be removed.
 */
public enum RemovalReason {

	/** The approved request's end date passed. */
	EXPIRED,

	/** A reviewer revoked it in an access review. */
	REVIEW,

	/** Its holder left. */
	OFFBOARDING,

	/** It exists without an approved request and someone chose to remove it. */
	UNAPPROVED,

	/** Its approved request was revoked before its end. */
	REVOKED

}
