package io.soc2ops.access;

/**
 * How access was removed.
 */
public enum RemovalMethod {

	/** A person removed it and confirmed so in soc2ops. */
	OPERATOR,

	/** soc2ops deleted the Identity Center account assignment itself. */
	IDENTITY_CENTER

}
