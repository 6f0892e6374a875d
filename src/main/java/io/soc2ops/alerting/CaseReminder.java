package io.soc2ops.alerting;

import java.time.Instant;

/**
 * A reminder that a case's target approaches or was breached.
 *
 * @param dueAt when the target is (or was) due
 */
public record CaseReminder(Step step, Instant dueAt) {

	public enum Step {

		BEFORE_ACK_BREACH, ACK_BREACHED, BEFORE_RESOLVE_BREACH, RESOLVE_BREACHED;

		/** Whether it is about acknowledging (else about closing). */
		public boolean aboutAcknowledging() {
			return this == BEFORE_ACK_BREACH || this == ACK_BREACHED;
		}

		public boolean atBreach() {
			return this == ACK_BREACHED || this == RESOLVE_BREACHED;
		}

	}

}
