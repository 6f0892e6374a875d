package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.alerting.PostOutcome;
import io.soc2ops.alerting.RouteMessages;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Posts the messages waiting in the outbox through the alert routes
 * ({@link RouteMessages}), oldest first, and records what became of each: delivered (a
 * ledger entry), tried again later after a backoff that doubles up to {@code max-retry}
 * and never comes before Slack's {@code Retry-After} (Slack down, 429, 5xx: the message
 * is kept, however long that takes), or dead when the route fails for good (a revoked
 * webhook, a disabled or missing route; a ledger entry). A message is claimed before its
 * post, so a crash in between leaves it to whoever claims it after the lease; the post
 * runs outside any transaction.
 */
@Component
class MessageCourier {

	private static final Logger log = LoggerFactory.getLogger(MessageCourier.class);

	/** How long a claim holds: well above the wait for a route's turn and the post. */
	static final Duration LEASE = Duration.ofMinutes(5);

	/** Messages one sweep tries at most. */
	static final int BATCH = 200;

	private final MessageStore store;

	private final RouteMessages routes;

	private final NotificationSettings settings;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MessageCourier(MessageStore store, RouteMessages routes, NotificationSettings settings, EvidenceLedger ledger,
			TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.routes = routes;
		this.settings = settings;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @return how many messages were delivered and how many failed for now
	 */
	Delivered deliverDue() {
		if (!routes.posting()) {
			return new Delivered(0, 0);
		}
		int delivered = 0;
		int failed = 0;
		for (String id : store.due(clock.instant(), BATCH)) {
			var now = clock.instant();
			String claim = UUID.randomUUID().toString();
			var message = store.claim(id, claim, now, now.plus(LEASE));
			if (message.isEmpty()) {
				continue;
			}
			var outcome = routes.post(message.get().route(), message.get().payload());
			transactions.executeWithoutResult(status -> record(message.get(), claim, outcome));
			if (outcome instanceof PostOutcome.Posted) {
				delivered++;
			}
			else if (outcome instanceof PostOutcome.Retry) {
				failed++;
			}
		}
		return new Delivered(delivered, failed);
	}

	private void record(MessageStore.Message message, String claim, PostOutcome outcome) {
		var now = clock.instant();
		switch (outcome) {
			case PostOutcome.Posted posted -> {
				if (store.delivered(message.id(), claim, now)) {
					record("vulnerability-notification.delivered", message, null, now);
				}
			}
			case PostOutcome.Retry retry -> {
				var backoff = now.plus(backoff(message.attempts() + 1));
				var next = retry.retryAfter().map(now::plus).filter(asked -> asked.isAfter(backoff)).orElse(backoff);
				store.failed(message.id(), claim, retry.error(), false, next);
				log.info("Vulnerability notification {} to route {} is tried again at {}: {}", message.id(),
						message.route(), next, retry.error());
			}
			case PostOutcome.Permanent permanent -> {
				if (store.failed(message.id(), claim, permanent.error(), true, now)) {
					record("vulnerability-notification.dead", message, permanent.error(), now);
					log.warn("Vulnerability notification {} to route {} is dead: {}", message.id(), message.route(),
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

	private void record(String action, MessageStore.Message message, @Nullable String error, Instant now) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("route", message.route());
		payload.put("kind", message.kind().name());
		payload.put("count", message.items());
		payload.put("attempts", message.attempts() + 1);
		if (error != null) {
			payload.put("error",
					error.length() > MessageStore.MAX_ERROR ? error.substring(0, MessageStore.MAX_ERROR) : error);
		}
		ledger.record(new EvidenceRecord(action, NoticeFlagging.ACTOR, "vulnerabilities",
				"vulnerability-notification:" + message.id(), LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

	/**
	 * @param failed posted, but not taken for now (they stay pending)
	 */
	record Delivered(int delivered, int failed) {
	}

}
