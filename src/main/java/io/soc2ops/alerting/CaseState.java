package io.soc2ops.alerting;

/**
 * Where the response to an alert stands. A case starts NEW, is acknowledged, investigated
 * and closed in one of three ways; a closed case can be reopened (to INVESTIGATING, with
 * a note saying why), since a finding that comes back or a fix that did not hold is the
 * same alert's business. {@link CaseAction} holds the transitions.
 */
public enum CaseState {

	NEW, ACKNOWLEDGED, INVESTIGATING, RESOLVED, FALSE_POSITIVE, ACCEPTED_RISK;

	public boolean isClosed() {
		return this == RESOLVED || this == FALSE_POSITIVE || this == ACCEPTED_RISK;
	}

	/**
	 * The step of the response it is: 0 new, 1 acknowledged, 2 investigating, 3 closed.
	 */
	public int step() {
		return isClosed() ? 3 : ordinal();
	}

}
