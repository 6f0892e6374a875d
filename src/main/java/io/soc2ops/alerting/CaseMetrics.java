package io.soc2ops.alerting;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Response metrics: time to acknowledge and time to resolve per severity (timers,
 * recorded when the change commits), and the cases open and open with a missed target
 * (gauges, counted in the database when read, so every instance tells the same).
 */
@Component
class CaseMetrics {

	private final MeterRegistry registry;

	CaseMetrics(MeterRegistry registry, CaseLists lists, Clock clock) {
		this.registry = registry;
		Gauge.builder("soc2ops.alert.cases.open", lists, l -> l.count(CaseFilter.OPEN, clock.instant()))
			.description("Alert cases not closed")
			.register(registry);
		Gauge.builder("soc2ops.alert.cases.breached", lists, l -> l.openBreached(clock.instant()))
			.description("Open alert cases that missed, or are missing, a target")
			.register(registry);
	}

	void changed(Alert alert, AlertCase after, CaseAction action) {
		if (action == CaseAction.ACKNOWLEDGE && after.acknowledgedAt() != null) {
			record("soc2ops.alert.case.time.to.acknowledge", alert, after.state(),
					Duration.between(after.openedAt(), after.acknowledgedAt()));
		}
		if (action.closes() && after.closedAt() != null) {
			record("soc2ops.alert.case.time.to.resolve", alert, after.state(),
					Duration.between(after.openedAt(), after.closedAt()));
		}
	}

	private void record(String name, Alert alert, CaseState state, Duration taken) {
		var timer = Timer.builder(name)
			.tag("severity", alert.severity().name())
			.tag("state", state.name())
			.register(registry);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					timer.record(taken);
				}
			});
		}
		else {
			timer.record(taken);
		}
	}

}
