package io.soc2ops.policies;

import java.util.Map;

/**
 * A request about a policy that was not carried out; nothing was changed. The reason says
 * which kind of refusal it is (the API answers 404, 400, 403 or 409 by it), and
 * {@link #field()} names the field of the policy or request that is wrong, when one is.
 */
public class PolicyRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public enum Reason {

		/** There is no such version. */
		NOT_FOUND,
		/** The policy or the request is not acceptable; the message names the field. */
		INVALID,
		/** The actor may not do this (not an approver, or the version's own author). */
		NOT_ALLOWED,
		/** The version is not in a state that allows it, or it changed meanwhile. */
		CONFLICT

	}

	private final Reason reason;

	private final String field;

	private PolicyRefused(Reason reason, String field, String message) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	static PolicyRefused notFound(int version) {
		return new PolicyRefused(Reason.NOT_FOUND, "",
				"no version " + version + " of the vulnerability management policy");
	}

	/**
	 * @param field where the problem is, as the policy file names it ({@code sla.HIGH},
	 * {@code scope.accounts[2]})
	 */
	static PolicyRefused invalid(String field, String problem) {
		return new PolicyRefused(Reason.INVALID, field, field.isEmpty() ? problem : field + ": " + problem);
	}

	static PolicyRefused notAllowed(String why) {
		return new PolicyRefused(Reason.NOT_ALLOWED, "", why);
	}

	static PolicyRefused conflict(String why) {
		return new PolicyRefused(Reason.CONFLICT, "", why);
	}

	/** The same refusal, its message prefixed with where in a file it is. */
	PolicyRefused at(String where) {
		return new PolicyRefused(reason, field, where + ": " + getMessage());
	}

	public Reason reason() {
		return reason;
	}

	/** The field at fault; empty when the refusal is not about one field. */
	public String field() {
		return field;
	}

	/** {@code field} for programs, when there is one. */
	public Map<String, Object> details() {
		return field.isEmpty() ? Map.of() : Map.of("field", field);
	}

}
