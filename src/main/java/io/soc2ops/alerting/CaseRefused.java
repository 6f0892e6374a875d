package io.soc2ops.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change to an alert's case that was not made; nothing was changed. The reason says
 * which kind of refusal it is (the API answers 404, 400, 403 or 409 by it), and
 * {@link #details()} names the field, or the states of an illegal transition, or the
 * version the case is at, for programs.
 */
public class CaseRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public enum Reason {

		/** There is no such alert. */
		NO_SUCH_ALERT,
		/** A field of the change is not acceptable. */
		INVALID,
		/** The actor may not take this action on this case. */
		NOT_ALLOWED,
		/**
		 * The case is not in a state the action may be taken from, or it changed
		 * meanwhile.
		 */
		CONFLICT

	}

	private final Reason reason;

	private final Map<String, Object> details;

	private CaseRefused(Reason reason, String message, Map<String, Object> details) {
		super(message);
		this.reason = reason;
		this.details = Map.copyOf(details);
	}

	static CaseRefused noSuchAlert(String alertId) {
		return new CaseRefused(Reason.NO_SUCH_ALERT, "no alert " + alertId, Map.of());
	}

	/**
	 * @param field the field of the change, as the API names it
	 */
	static CaseRefused invalid(String field, String problem) {
		return new CaseRefused(Reason.INVALID, field + ": " + problem, Map.of("field", field));
	}

	static CaseRefused notAllowed(String why) {
		return new CaseRefused(Reason.NOT_ALLOWED, why, Map.of());
	}

	static CaseRefused illegal(AlertCase alertCase, CaseAction action) {
		var details = new LinkedHashMap<String, Object>();
		details.put("action", action.name());
		details.put("from", alertCase.state().name());
		details.put("to", action.leadsFrom(alertCase.state()).name());
		details.put("allowedFrom", action.from().stream().map(Enum::name).toList());
		return new CaseRefused(
				Reason.CONFLICT, "the case of alert " + alertCase.alertId() + " is " + alertCase.state() + "; " + action
						+ " to " + action.leadsFrom(alertCase.state()) + " may be taken only from " + action.from(),
				details);
	}

	static CaseRefused stale(AlertCase current, int expected) {
		return new CaseRefused(Reason.CONFLICT,
				"version: the case of alert " + current.alertId() + " changed meanwhile (you had version " + expected
						+ ", it is at " + current.version() + ", " + current.state() + "); reload it and decide again",
				Map.of("field", "version", "currentVersion", current.version(), "currentState",
						current.state().name()));
	}

	public Reason reason() {
		return reason;
	}

	/**
	 * What the refusal is about, by name: {@code field}, {@code from}, {@code to}, ...
	 */
	public Map<String, Object> details() {
		return details;
	}

}
