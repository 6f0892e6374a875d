package io.soc2ops.alerting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The response to one alert: its state, who has it, when it was opened, acknowledged and
 * closed, and when it is due to be. A change makes a new case one version on; the version
 * is what two people changing it at once are told apart by.
 *
 * @param assignee the username of the person who has it, if anyone
 * @param acknowledgeDueAt when it must be acknowledged by, if its severity has a target
 * @param resolveDueAt when it must be closed by, if its severity has a target
 * @param closedAt when it was closed; a reopened case is open again
 */
public record AlertCase(String alertId, CaseState state, @Nullable String assignee, Instant openedAt,
		@Nullable Instant acknowledgeDueAt, @Nullable Instant resolveDueAt, @Nullable Instant acknowledgedAt,
		@Nullable Instant closedAt, int version) {

	/** A NEW case for an alert, due by the targets of its severity. */
	static AlertCase open(Alert alert, ResponseTargets.Target target) {
		var opened = alert.raisedAt();
		return new AlertCase(alert.id(), CaseState.NEW, null, opened, target.acknowledgeDue(opened),
				target.resolveDue(opened), null, null, 1);
	}

	/**
	 * The case after {@code action}, taken at {@code at}.
	 * @param assignee who it is assigned to by an {@link CaseAction#ASSIGN} (null:
	 * nobody)
	 * @throws CaseRefused when the action may not be taken from the case's state
	 */
	AlertCase after(CaseAction action, @Nullable String assignee, Instant at) {
		if (!action.allowedFrom(state)) {
			throw CaseRefused.illegal(this, action);
		}
		return new AlertCase(alertId, action.leadsFrom(state), action == CaseAction.ASSIGN ? assignee : this.assignee,
				openedAt, acknowledgeDueAt, resolveDueAt, action == CaseAction.ACKNOWLEDGE ? at : acknowledgedAt,
				action.closes() ? at : action == CaseAction.REOPEN ? null : closedAt, version + 1);
	}

	public boolean isClosed() {
		return state.isClosed();
	}

}
