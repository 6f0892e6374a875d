package io.soc2ops.identity;

/**
 * A request about users or tokens that cannot be carried out, with a message fit to show.
 */
public class IdentityException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final boolean notFound;

	private IdentityException(String message, boolean notFound) {
		super(message);
		this.notFound = notFound;
	}

	public static IdentityException refused(String message) {
		return new IdentityException(message, false);
	}

	public static IdentityException notFound(String message) {
		return new IdentityException(message, true);
	}

	public boolean isNotFound() {
		return notFound;
	}

}
