package io.soc2ops.access;

/**
 * What the credential checks find in a credential report.
 */
public enum CredentialFindingKind {

	/** A console password (or the root user) without an MFA device. */
	NO_MFA,

	/** An active access key last rotated longer ago than the limit. */
	OLD_ACCESS_KEY,

	/** A console password not used for longer than the limit (or never, since then). */
	UNUSED_PASSWORD,

	/** An active access key not used for longer than the limit (or never, since then). */
	UNUSED_ACCESS_KEY,

	/** The root user signed in, or used an access key, within the look-back. */
	ROOT_USED,

	/** The root user has an active access key. */
	ROOT_ACCESS_KEY

}
