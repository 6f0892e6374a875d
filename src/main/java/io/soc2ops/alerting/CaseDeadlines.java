package io.soc2ops.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two targets of a case at a moment (time to acknowledge, time to resolve), each
 * counted from the alert, and the reminders they call for: one when a target approaches,
 * one when it is breached, for as long as it is not done. A case that is acknowledged or
 * closed calls for no reminder of that target, however late.
 */
public record CaseDeadlines(Deadline acknowledge, Deadline resolve) {

	public static CaseDeadlines of(AlertCase alertCase, Instant now) {
		return new CaseDeadlines(
				Deadline.of(alertCase.openedAt(), alertCase.acknowledgeDueAt(), alertCase.acknowledgedAt(), now),
				Deadline.of(alertCase.openedAt(), alertCase.resolveDueAt(), alertCase.closedAt(), now));
	}

	/** Whether either target was or is being missed. */
	public boolean breached() {
		return acknowledge.breached() || resolve.breached();
	}

	/**
	 * The reminders due now, at most one per target: the later step wins, so a case first
	 * seen after its breach is reminded of the breach only.
	 */
	List<CaseReminder> reminders() {
		var due = new ArrayList<CaseReminder>();
		reminder(acknowledge, CaseReminder.Step.BEFORE_ACK_BREACH, CaseReminder.Step.ACK_BREACHED, due);
		reminder(resolve, CaseReminder.Step.BEFORE_RESOLVE_BREACH, CaseReminder.Step.RESOLVE_BREACHED, due);
		return due;
	}

	private static void reminder(Deadline deadline, CaseReminder.Step approaching, CaseReminder.Step breached,
			List<CaseReminder> due) {
		if (deadline.dueAt() == null) {
			return;
		}
		switch (deadline.status()) {
			case APPROACHING -> due.add(new CaseReminder(approaching, deadline.dueAt()));
			case BREACHED -> due.add(new CaseReminder(breached, deadline.dueAt()));
			default -> {
			}
		}
	}

}
