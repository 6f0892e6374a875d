package io.soc2ops.access;

/**
 * Where an access request is: waiting for approvers, decided, withdrawn, or approved and
 * ended since. Whether each account was granted is per account ({@link GrantState}).
 */
public enum AccessRequestState {

	/** Waiting for approvers. */
	PENDING,
	/** Approved: in force on its accounts until it expires or is revoked. */
	APPROVED,
	/** An approver rejected it: never in force. */
	REJECTED,
	/** Its requester withdrew it before a decision. */
	WITHDRAWN,
	/** Approved, and its end time passed. */
	EXPIRED,
	/** Approved, and ended before its end time. */
	REVOKED;

	/** Whether nothing more happens to it. */
	public boolean over() {
		return this != PENDING && this != APPROVED;
	}

}
