package io.soc2ops.access;

/**
 * Who made a grant.
 */
public enum GrantMethod {

	/** A person granted it and confirmed so in soc2ops. */
	OPERATOR,

	/** soc2ops created the Identity Center account assignment itself. */
	IDENTITY_CENTER

}
