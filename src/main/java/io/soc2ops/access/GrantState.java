package io.soc2ops.access;

/**
 * Where the grant of an approved request stands on one account.
 */
public enum GrantState {

	/** The request is not approved (yet). */
	WAITING,
	/** Approved: an operator grants it and confirms so. */
	TO_GRANT,
	/** Approved: soc2ops creates the Identity Center assignment itself. */
	GRANTING,
	/** Granted, by an operator or by soc2ops. */
	GRANTED,
	/** soc2ops's try failed: an operator retries it or grants it by hand. */
	FAILED,
	/** The access expired or was revoked. */
	ENDED

}
