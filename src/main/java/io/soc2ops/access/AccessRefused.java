package io.soc2ops.access;

/**
 * A request the access module refuses; the message names the record and field. Nothing
 * was changed.
 */
public class AccessRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why, so the web layer can answer 404, 409 or 422. */
	public enum Reason {

		NOT_FOUND, CONFLICT, INVALID, FORBIDDEN

	}

	private final Reason reason;

	public AccessRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public static AccessRefused notFound(String message) {
		return new AccessRefused(Reason.NOT_FOUND, message);
	}

	public static AccessRefused conflict(String message) {
		return new AccessRefused(Reason.CONFLICT, message);
	}

	public static AccessRefused invalid(String message) {
		return new AccessRefused(Reason.INVALID, message);
	}

	public static AccessRefused forbidden(String message) {
		return new AccessRefused(Reason.FORBIDDEN, message);
	}

	public Reason reason() {
		return reason;
	}

}
