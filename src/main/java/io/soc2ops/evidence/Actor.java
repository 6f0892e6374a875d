package io.soc2ops.evidence;

import java.util.regex.Pattern;

/**
 * Who performed an operation: a signed-in person or a part of the system (a collector,
 * the demo loader, a scheduled job). Stored as {@code user:alice} or {@code system:demo}.
 */
public record Actor(Kind kind, String name) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

	public enum Kind {

		USER, SYSTEM

	}

	public Actor {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"actor name must be 1-100 letters, digits or ._@+- but was '" + name + "'");
		}
	}

	public static Actor user(String username) {
		return new Actor(Kind.USER, username);
	}

	public static Actor system(String component) {
		return new Actor(Kind.SYSTEM, component);
	}

	public static Actor parse(String stored) {
		int colon = stored.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("stored actor '" + stored + "' has no kind prefix");
		}
		return new Actor(Kind.valueOf(stored.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
				stored.substring(colon + 1));
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
	}

}
