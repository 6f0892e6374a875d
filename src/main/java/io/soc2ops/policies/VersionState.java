package io.soc2ops.policies;

/** Where a version of a policy is in its approval: decided once, never again. */
public enum VersionState {

	/** Waiting for an approver other than its author. */
	DRAFT,
	/** Approved; in force from its effective date (not before the approval day). */
	APPROVED,
	/** Rejected; it never comes into force. */
	REJECTED

}
