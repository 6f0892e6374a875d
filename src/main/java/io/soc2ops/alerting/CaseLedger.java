package io.soc2ops.alerting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * What the evidence ledger keeps of cases, under the subject {@code alert:<id>}: every
 * transition, assignment and note ({@code alert-case.acknowledged}, ...), and every
 * reminder that came due ({@code alert-case.reminder-due}).
 */
@Component
class CaseLedger {

	static final String REMINDER_DUE = "alert-case.reminder-due";

	private final EvidenceLedger ledger;

	CaseLedger(EvidenceLedger ledger) {
		this.ledger = ledger;
	}

	void changed(AlertCase before, AlertCase after, CaseAction action, String note, Actor by, Instant at) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("from", before.state().name());
		payload.put("to", after.state().name());
		payload.put("by", by.toString());
		payload.put("note", note);
		if (action == CaseAction.ASSIGN) {
			payload.put("assignee", after.assignee() == null ? "" : after.assignee());
			payload.put("previousAssignee", before.assignee() == null ? "" : before.assignee());
		}
		payload.put("version", after.version());
		record(action.ledgerAction(), by, after.alertId(), at, payload);
	}

	void reminderDue(Alert alert, CaseReminder reminder, Instant at) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("step", reminder.step().name());
		payload.put("dueAt", reminder.dueAt().toString());
		payload.put("severity", alert.severity().name());
		record(REMINDER_DUE, Actor.system("alerting"), alert.id(), at, payload);
	}

	private void record(String action, Actor by, String alertId, Instant at, Map<String, Object> payload) {
		ledger.record(new EvidenceRecord(action, by, "alerting", "alert:" + alertId,
				LocalDate.ofInstant(at, ZoneOffset.UTC), payload));
	}

}
