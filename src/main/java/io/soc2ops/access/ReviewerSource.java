package io.soc2ops.access;

/**
 * Why an item went to its reviewer.
 */
public enum ReviewerSource {

	/** The person's manager. */
	MANAGER,

	/** The account's owner (the person has no manager, or manages themself). */
	OWNER,

	/** A campaign manager assigned it. */
	ASSIGNED,

	/** Nobody yet: a campaign manager assigns it. */
	NONE

}
