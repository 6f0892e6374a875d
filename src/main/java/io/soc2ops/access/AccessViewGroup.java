package io.soc2ops.access;

/**
 * The holdings of one person, account or entitlement.
 *
 * @param key the person key, account ID or entitlement
 */
public record AccessViewGroup(String key, long holdings, long unapproved) {

	public long approved() {
		return holdings - unapproved;
	}

}
