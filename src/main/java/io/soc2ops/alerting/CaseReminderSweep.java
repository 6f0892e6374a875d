package io.soc2ops.alerting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the open cases whose targets approach or were breached and were not reminded of
 * that yet, and tells every {@link CaseReminders} of each, once per case and step. Each
 * reminder is claimed and told in a transaction of its own: one whose telling fails stays
 * due for the next run, without holding back the others.
 */
@Component
class CaseReminderSweep implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(CaseReminderSweep.class);

	private final CaseLists lists;

	private final CaseStore store;

	private final ReminderStore reminders;

	private final List<CaseReminders> receivers;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CaseReminderSweep(CaseLists lists, CaseStore store, ReminderStore reminders, List<CaseReminders> receivers,
			TransactionTemplate transactions, Clock clock) {
		this.lists = lists;
		this.store = store;
		this.reminders = reminders;
		this.receivers = List.copyOf(receivers);
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run() {
		sweep();
	}

	/**
	 * @return how many reminders came due in this run
	 */
	int sweep() {
		var now = clock.instant();
		var reminded = reminders.ofOpenCases();
		int told = 0;
		var failures = new ArrayList<RuntimeException>();
		for (var open : lists.openWithTargets()) {
			for (var reminder : CaseDeadlines.of(open.alertCase(), now).reminders()) {
				if (reminded.getOrDefault(open.alert().id(), Set.of()).contains(reminder.step())) {
					continue;
				}
				try {
					told += Boolean.TRUE.equals(transactions.execute(tx -> tell(open.alert(), reminder))) ? 1 : 0;
				}
				catch (RuntimeException ex) {
					log.warn("Reminder {} of alert {} stays due: {}", reminder.step(), open.alert().id(),
							ex.toString());
					failures.add(ex);
				}
			}
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException(failures.size() + " reminder(s) could not be told and stay due; first: "
					+ failures.getFirst().getMessage(), failures.getFirst());
		}
		return told;
	}

	private boolean tell(Alert alert, CaseReminder reminder) {
		var now = clock.instant();
		// the case may have moved on since the list was read
		var current = store.find(alert.id()).orElseThrow();
		if (!CaseDeadlines.of(current, now).reminders().contains(reminder)
				|| !reminders.claim(alert.id(), reminder, now)) {
			return false;
		}
		receivers.forEach(receiver -> receiver.remind(alert, reminder));
		return true;
	}

}
