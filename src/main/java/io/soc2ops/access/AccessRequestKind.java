package io.soc2ops.access;

/**
 * What an access request asks for.
 */
public enum AccessRequestKind {

	/** An IAM Identity Center permission set on the accounts (an account assignment). */
	PERMISSION_SET,

	/** An IAM policy, by name or ARN, for the person's IAM user in the accounts. */
	IAM_POLICY;

	/** The kind of holding the approved access covers. */
	public HoldingKind holdingKind() {
		return this == PERMISSION_SET ? HoldingKind.ASSIGNMENT : HoldingKind.IAM_USER;
	}

}
