package io.soc2ops.identity;

/**
 * What a person may do in soc2ops. A user holds one or more roles.
 */
public enum Role {

	/** Manages users, roles and settings. */
	ADMIN,
	/** SRE or security engineer: connects AWS, triages, fixes. */
	OPERATOR,
	/** Manager who approves policies, access, changes and exceptions. */
	APPROVER,
	/** Requests access, records changes, runs drills and restore tests. */
	ENGINEER,
	/** Reads everything, changes nothing. */
	AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
