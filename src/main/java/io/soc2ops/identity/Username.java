package io.soc2ops.identity;

import java.util.regex.Pattern;

/**
 * A sign-in name: 2-64 lower-case letters, digits, dots, dashes, underscores or an e-mail
 * address, so it is safe in URLs, logs and ledger subjects.
 */
public record Username(String value) {

	private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@+-]{1,63}");

	public Username {
		if (!VALID.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"username must be 2-64 lower-case letters, digits or . _ @ + - (starting with a letter or digit)");
		}
	}

	public static Username of(String value) {
		return new Username(value);
	}

	@Override
	public String toString() {
		return value;
	}

}
