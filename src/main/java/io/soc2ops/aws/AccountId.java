package io.soc2ops.aws;

import java.util.regex.Pattern;

/**
 * A 12-digit AWS account ID.
 */
public record AccountId(String value) {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

	public AccountId {
		if (!TWELVE_DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("AWS account ID must be 12 digits but was '" + value + "'");
		}
	}

	@Override
	public String toString() {
		return value;
	}

}
