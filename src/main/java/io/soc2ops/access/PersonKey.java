package io.soc2ops.access;

import java.util.Locale;

/**
 * The key of the human behind AWS principals: an Identity Center user name (usually an
 * e-mail address) or an IAM user name, in lower case, so that {@code Taro@Example.com}
 * and {@code taro@example.com} are one person.
 */
public record PersonKey(String value) {

	public static final int MAX_LENGTH = 320;

	public PersonKey {
		value = value.strip().toLowerCase(Locale.ROOT);
		if (value.isEmpty() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException(
					"a person key is 1-" + MAX_LENGTH + " characters without control characters");
		}
	}

	@Override
	public String toString() {
		return value;
	}

}
