package io.soc2ops.alerting;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Opens the case of each alert as it is raised, in the raising transaction, due by the
 * targets of the alert's severity. One batch of inserts and nothing else: raising is on
 * the intake's hot path, so the opening is not written to the evidence ledger (whose
 * chain takes one writer at a time); the case's timeline shows it from the alert.
 */
@Component
class CaseOpener implements OnAlertRaised {

	private final CaseStore store;

	private final ResponseTargets targets;

	CaseOpener(CaseStore store, ResponseTargets targets) {
		this.store = store;
		this.targets = targets;
	}

	@Override
	public void raised(List<Raised> alerts) {
		store.insertAll(alerts.stream()
			.map(raised -> AlertCase.open(raised.alert(), targets.target(raised.alert().severity())))
			.toList());
	}

}
