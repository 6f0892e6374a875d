package io.soc2ops.alerting;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingKey;

/**
 * Makes one change to a case: checks who asks and what the case allows, stores the case
 * over the version it was read at, and keeps the change in the case's timeline and the
 * evidence ledger. Closing a case asks for the finding's workflow status in Security Hub
 * to follow (RESOLVED, or SUPPRESSED for a false positive or an accepted risk), and
 * reopening one for NOTIFIED again; alerts that do not know their finding's ProductArn
 * ask for nothing.
 */
@Component
class CaseChanges {

	private final CaseLists lists;

	private final CaseStore store;

	private final Responders responders;

	private final CaseLedger ledger;

	private final CaseMetrics metrics;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseChanges(CaseLists lists, CaseStore store, Responders responders, CaseLedger ledger, CaseMetrics metrics,
			ApplicationEventPublisher events, Clock clock) {
		this.lists = lists;
		this.store = store;
		this.responders = responders;
		this.ledger = ledger;
		this.metrics = metrics;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	AlertWithCase change(String alertId, CaseChange change, Actor by) {
		var found = lists.find(alertId).orElseThrow(() -> CaseRefused.noSuchAlert(alertId));
		var before = found.alertCase();
		if (change.version() != null && change.version() != before.version()) {
			throw CaseRefused.stale(before, change.version());
		}
		responders.check(before, change.action(), by);
		var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		var after = before.after(change.action(), assignee(change, before), at);
		if (!store.update(after)) {
			throw CaseRefused.stale(store.find(alertId).orElseThrow(), before.version());
		}
		store.append(after, change.action(), before.state(), change.note(), by, at);
		ledger.changed(before, after, change.action(), change.note(), by, at);
		metrics.changed(found.alert(), after, change.action());
		workflow(found.alert(), change, by);
		return new AlertWithCase(found.alert(), after);
	}

	private @Nullable String assignee(CaseChange change, AlertCase before) {
		if (change.action() != CaseAction.ASSIGN) {
			return null;
		}
		String assignee = Objects.requireNonNull(change.assignee());
		if (assignee.isEmpty()) {
			if (before.assignee() == null) {
				throw CaseRefused.invalid("assignee", "the case is not assigned to anyone");
			}
			return null;
		}
		if (assignee.equals(before.assignee())) {
			throw CaseRefused.invalid("assignee", "the case is assigned to " + assignee + " already");
		}
		responders.checkAssignee(assignee);
		return assignee;
	}

	private void workflow(Alert alert, CaseChange change, Actor by) {
		var status = switch (change.action()) {
			case RESOLVE -> FindingWorkflowUpdate.Status.RESOLVED;
			case MARK_FALSE_POSITIVE, ACCEPT_RISK -> FindingWorkflowUpdate.Status.SUPPRESSED;
			case REOPEN -> FindingWorkflowUpdate.Status.NOTIFIED;
			default -> null;
		};
		if (status == null || alert.productArn().isEmpty()) {
			return;
		}
		events.publishEvent(new FindingWorkflowUpdate(alert.id(), new FindingKey(alert.findingId(), alert.productArn()),
				alert.accountId(), alert.region(), status,
				"soc2ops alert " + alert.id() + ": " + change.action().ledgerAction().substring("alert-case.".length())
						+ " by " + by + ": " + change.note(),
				by.toString()));
	}

}
