package io.soc2ops.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.alerting.PostOutcome;
import io.soc2ops.alerting.RouteMessages;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Posts the announcements waiting in the outbox through the alert routes, oldest first:
 * delivered (a ledger entry), tried again after a backoff that doubles up to
 * {@code max-retry} and never before Slack's {@code Retry-After}, or dead when the route
 * fails for good (a ledger entry). A message is claimed before its post, so a crash in
 * between leaves it to whoever claims it after the lease; the post runs outside any
 * transaction.
 */
@Component
class UnapprovedCourier {

	private static final Logger log = LoggerFactory.getLogger(UnapprovedCourier.class);

	static final Duration LEASE = Duration.ofMinutes(5);

	static final int BATCH = 100;

	private final UnapprovedOutbox outbox;

	private final RouteMessages routes;

	private final ReconciliationSettings settings;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	UnapprovedCourier(UnapprovedOutbox outbox, RouteMessages routes, ReconciliationSettings settings,
			EvidenceLedger ledger, TransactionTemplate transactions, Clock clock) {
		this.outbox = outbox;
		this.routes = routes;
		this.settings = settings;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @return how many messages were not taken for now (they stay pending)
	 */
	int deliverDue() {
		if (!routes.posting()) {
			return 0;
		}
		int failed = 0;
		for (String id : outbox.due(clock.instant(), BATCH)) {
			var now = clock.instant();
			String claim = UUID.randomUUID().toString();
			var message = outbox.claim(id, claim, now, now.plus(LEASE));
			if (message.isEmpty()) {
				continue;
			}
			var outcome = routes.post(message.get().route(), message.get().payload());
			transactions.executeWithoutResult(status -> record(message.get(), claim, outcome));
			if (outcome instanceof PostOutcome.Retry) {
				failed++;
			}
		}
		return failed;
	}

	private void record(UnapprovedOutbox.Message message, String claim, PostOutcome outcome) {
		var now = clock.instant();
		switch (outcome) {
			case PostOutcome.Posted posted -> {
				if (outbox.delivered(message.id(), claim, now)) {
					record("access.unapproved-announced", message, null, now);
				}
			}
			case PostOutcome.Retry retry -> {
				var backoff = now.plus(backoff(message.attempts() + 1));
				var next = retry.retryAfter().map(now::plus).filter(asked -> asked.isAfter(backoff)).orElse(backoff);
				outbox.failed(message.id(), claim, retry.error(), false, next);
				log.info("Unapproved-access announcement {} to route {} is tried again at {}: {}", message.id(),
						message.route(), next, retry.error());
			}
			case PostOutcome.Permanent permanent -> {
				if (outbox.failed(message.id(), claim, permanent.error(), true, now)) {
					record("access.unapproved-announcement-dead", message, permanent.error(), now);
					log.warn("Unapproved-access announcement {} to route {} is dead: {}", message.id(), message.route(),
							permanent.error());
				}
			}
		}
	}

	/**
	 * The wait after the {@code failures}th failure: {@code first-retry} doubled, capped.
	 */
	Duration backoff(int failures) {
		var wait = settings.firstRetry().multipliedBy(1L << Math.clamp(failures - 1, 0, 30));
		return wait.compareTo(settings.maxRetry()) > 0 || wait.isNegative() ? settings.maxRetry() : wait;
	}

	private void record(String action, UnapprovedOutbox.Message message, @Nullable String error, Instant now) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("route", message.route());
		payload.put("run", message.run());
		payload.put("count", message.items());
		payload.put("attempts", message.attempts() + 1);
		if (error != null) {
			payload.put("error", error.length() > UnapprovedOutbox.MAX_ERROR
					? error.substring(0, UnapprovedOutbox.MAX_ERROR) : error);
		}
		ledger.record(new EvidenceRecord(action, AccessReconciliation.ACTOR, "access",
				"access-unapproved-message:" + message.id(), LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

}
