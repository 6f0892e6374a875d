package io.soc2ops.alerting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a case's timeline: who did what when.
 *
 * @param by who: {@code user:alice}, {@code system:alerting}, or the rule that opened it
 * @param from the state before (transitions, assignments and notes)
 * @param to the state after
 * @param assignee whom an ASSIGN assigned it to; null when it unassigned
 * @param note the responder's note, as written (plain text; escape it to show it)
 * @param reminder the reminder that came due (REMINDER)
 */
public record CaseEvent(Instant at, String by, Kind kind, @Nullable CaseState from, @Nullable CaseState to,
		@Nullable String assignee, String note, @Nullable CaseReminder reminder) {

	public enum Kind {

		OPENED, ACKNOWLEDGE, INVESTIGATE, RESOLVE, MARK_FALSE_POSITIVE, ACCEPT_RISK, REOPEN, ASSIGN, NOTE, REMINDER;

		static Kind of(CaseAction action) {
			return valueOf(action.name());
		}

	}

	static CaseEvent opened(Alert alert) {
		return new CaseEvent(alert.raisedAt(), "rule:" + alert.ruleName(), Kind.OPENED, null, CaseState.NEW, null, "",
				null);
	}

	static CaseEvent reminded(CaseReminder reminder, Instant at) {
		return new CaseEvent(at, "system:alerting", Kind.REMINDER, null, null, null, "", reminder);
	}

}
