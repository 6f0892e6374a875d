package io.soc2ops.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * One reconciliation, in one transaction that holds the reconciliation lock: exceptions
 * whose holding is gone or now covered are resolved, every current holding without cover
 * gets an exception, the run is a ledger entry (counts, and the IDs of the exceptions it
 * found and resolved as ranges: one entry per run rather than one per exception, which on
 * a first run could be hundreds of thousands), the ACC-03 control test is recorded when
 * its result changed or not yet today, and the new exceptions are queued as one
 * announcement. After the commit the announcements due are posted.
 */
@Component
class ReconciliationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);

	/**
	 * Exceptions found or resolved in one run past which their statistics are renewed.
	 */
	static final int ANALYZE_AFTER = 500;

	static final String TOPIC = "UNAPPROVED";

	private final ReconciliationStore store;

	private final ReconciliationControl control;

	private final AccessMessages outbox;

	private final UnapprovedMessages messages;

	private final AccessMessageCourier courier;

	private final ReconciliationSettings settings;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReconciliationRunner(ReconciliationStore store, ReconciliationControl control, AccessMessages outbox,
			UnapprovedMessages messages, AccessMessageCourier courier, ReconciliationSettings settings,
			EvidenceLedger ledger, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.control = control;
		this.outbox = outbox;
		this.messages = messages;
		this.courier = courier;
		this.settings = settings;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The outbox topic of unapproved-access announcements, with their retry settings.
	 */
	static AccessMessageTopic topic(ReconciliationSettings settings) {
		return new AccessMessageTopic(TOPIC, AccessReconciliation.ACTOR, "access.unapproved-announced",
				"access.unapproved-announcement-dead", settings.firstRetry(), settings.maxRetry());
	}

	ReconciliationRun run(String trigger) {
		var run = transactions.execute(status -> reconcile(trigger));
		if (run.newExceptions() + run.resolvedApproved() + run.resolvedGone() >= ANALYZE_AFTER) {
			store.analyze();
		}
		int failed = courier.deliver(TOPIC).deferred();
		log.info(
				"Access reconciliation {} ({}): {} holdings, {} covered, {} new exceptions, {} approved since,"
						+ " {} gone, {} open; {} announcement(s) not taken for now",
				run.id(), trigger, run.holdings(), run.covered(), run.newExceptions(), run.resolvedApproved(),
				run.resolvedGone(), run.open(), failed);
		return run;
	}

	private ReconciliationRun reconcile(String trigger) {
		store.lock();
		Instant started = clock.instant();
		long id = store.startRun(trigger, started);
		int gone = store.resolveGone(id, started);
		int approved = store.resolveCovered(id, started);
		int found = store.findUncovered(id, started);
		long holdings = store.currentHoldings();
		long open = store.openCount();
		var run = new ReconciliationRun(id, trigger, started, clock.instant(), holdings, holdings - open, found,
				approved, gone, open);
		store.finishRun(run);
		record(run);
		control.record(run);
		if (found > 0) {
			settings.announcedTo().ifPresent(route -> announce(route, run));
		}
		return run;
	}

	private void announce(String route, ReconciliationRun run) {
		String id = UUID.randomUUID().toString();
		var listed = store.firstFoundIn(run.id(), settings.listed());
		var details = new LinkedHashMap<String, Object>();
		details.put("route", route);
		details.put("run", run.id());
		details.put("count", run.newExceptions());
		outbox.queue(new AccessMessages.Draft(id, TOPIC, "access-unapproved-message:" + id, route,
				messages.announcement(id, run.id(), run.newExceptions(), listed), details, dedupeKey(run.id(), route)),
				run.finishedAt());
	}

	/** One announcement per run and route. */
	static String dedupeKey(long run, String route) {
		return "access-reconciliation:" + run + ":" + route;
	}

	private void record(ReconciliationRun run) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("trigger", run.trigger());
		payload.put("holdings", run.holdings());
		payload.put("covered", run.covered());
		payload.put("open", run.open());
		payload.put("newExceptions", run.newExceptions());
		payload.put("resolvedApproved", run.resolvedApproved());
		payload.put("resolvedGone", run.resolvedGone());
		payload.put("found", ReconciliationIds.ranges(store.foundIn(run.id())));
		payload.put("approved", ReconciliationIds.ranges(store.resolvedIn(run.id(), UnapprovedResolution.APPROVED)));
		payload.put("gone", ReconciliationIds.ranges(store.resolvedIn(run.id(), UnapprovedResolution.GONE)));
		ledger.record(new EvidenceRecord("access.reconciled", AccessReconciliation.ACTOR, "access",
				"access-reconciliation:" + run.id(), LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC), payload));
	}

}
