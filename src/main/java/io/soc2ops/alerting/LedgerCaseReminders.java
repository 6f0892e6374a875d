package io.soc2ops.alerting;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Keeps every reminder that came due in the evidence ledger, whoever else is told of it:
 * the proof that an approaching or breached target was flagged when it was.
 */
@Component
class LedgerCaseReminders implements CaseReminders {

	private final CaseLedger ledger;

	private final Clock clock;

	LedgerCaseReminders(CaseLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public void remind(Alert alert, CaseReminder reminder) {
		ledger.reminderDue(alert, reminder, clock.instant());
	}

}
