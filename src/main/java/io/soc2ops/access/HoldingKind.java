package io.soc2ops.access;

/**
 * The two kinds of access soc2ops reconciles.
 */
public enum HoldingKind {

	/**
	 * An Identity Center user's permission set on an account, direct or through a group.
	 */
	ASSIGNMENT,

	/** An IAM user with a console password or an active access key. */
	IAM_USER;

	/** The entitlement every {@link #IAM_USER} holding names. */
	public static final String IAM_USER_ENTITLEMENT = "IAM user";

}
