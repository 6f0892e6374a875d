package io.soc2ops.access;

/**
 * What a view of holdings groups them by.
 */
public enum AccessViewBy {

	PERSON("h.person"), ACCOUNT("h.account_id"), ENTITLEMENT("h.entitlement");

	private final String column;

	AccessViewBy(String column) {
		this.column = column;
	}

	String column() {
		return column;
	}

}
