package io.soc2ops.alerting;

/**
 * A request alerting refuses: a rule that does not exist, or a rule or event that is not
 * acceptable (the message names the field). Nothing was changed.
 */
public class AlertingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final boolean notFound;

	private AlertingException(String message, boolean notFound) {
		super(message);
		this.notFound = notFound;
	}

	static AlertingException notFound(String message) {
		return new AlertingException(message, true);
	}

	static AlertingException refused(String message) {
		return new AlertingException(message, false);
	}

	public boolean isNotFound() {
		return notFound;
	}

}
