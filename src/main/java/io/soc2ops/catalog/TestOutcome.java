package io.soc2ops.catalog;

import java.util.Locale;

/**
 * The result of testing a control.
 */
public enum TestOutcome {

	PASSED, FAILED;

	String stored() {
		return name().toLowerCase(Locale.ROOT);
	}

	static TestOutcome fromStored(String stored) {
		return valueOf(stored.toUpperCase(Locale.ROOT));
	}

}
