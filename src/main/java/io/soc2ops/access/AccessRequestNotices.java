package io.soc2ops.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.alerting.PostOutcome;
import io.soc2ops.alerting.RouteMessages;

/**
 * Tells approvers on the alert route {@code soc2ops.access.requests.route}: of each new
 * request (queued in the requesting transaction), and again when one waits longer than
 * {@code remind-after}, then every {@code remind-every}, at most {@code reminders} times.
 * Messages wait in an outbox until the route takes them: a Slack outage delays one, never
 * loses it; a route that fails for good leaves it dead (both in the ledger).
 */
@Component
class AccessRequestNotices {

	private static final Logger log = LoggerFactory.getLogger(AccessRequestNotices.class);

	static final Duration LEASE = Duration.ofMinutes(5);

	static final int BATCH = 200;

	private final AccessRequestOutbox outbox;

	private final AccessRequestStore requests;

	private final AccessRequestMessages messages;

	private final AccessRequestLedger ledger;

	private final RouteMessages routes;

	private final AccessRequestSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AccessRequestNotices(AccessRequestOutbox outbox, AccessRequestStore requests, AccessRequestMessages messages,
			AccessRequestLedger ledger, RouteMessages routes, AccessRequestSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.outbox = outbox;
		this.requests = requests;
		this.messages = messages;
		this.ledger = ledger;
		this.routes = routes;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Queues the message about a new request, when a route is set; in its transaction.
	 */
	void requested(AccessRequest request) {
		queue(request, AccessRequestOutbox.Kind.REQUESTED);
	}

	/** Queues the reminders due, then posts what waits. */
	void sweep() {
		remind();
		deliver();
	}

	/**
	 * @return how many reminders were queued
	 */
	int remind() {
		var s = settings.requests();
		if (s.route() == null || s.reminders() == 0) {
			return 0;
		}
		Instant now = clock.instant();
		int queued = 0;
		for (long id : requests.dueReminder(now.minus(s.remindAfter()), now.minus(s.remindEvery()), s.reminders(),
				BATCH)) {
			Boolean done = transactions.execute(status -> {
				if (!requests.reminded(id, requests.reminders(id), clock.instant())) {
					return false;
				}
				queue(requests.find(id, account -> Optional.empty()).orElseThrow(), AccessRequestOutbox.Kind.REMINDER);
				return true;
			});
			queued += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return queued;
	}

	/**
	 * @return how many messages the route took
	 */
	int deliver() {
		if (!routes.posting()) {
			return 0;
		}
		int delivered = 0;
		for (String id : outbox.due(clock.instant(), BATCH)) {
			var now = clock.instant();
			String claim = UUID.randomUUID().toString();
			var message = outbox.claim(id, claim, now, now.plus(LEASE));
			if (message.isEmpty()) {
				continue;
			}
			var outcome = routes.post(message.get().route(), message.get().payload());
			transactions.executeWithoutResult(status -> record(message.get(), claim, outcome));
			delivered += outcome instanceof PostOutcome.Posted ? 1 : 0;
		}
		return delivered;
	}

	private void queue(AccessRequest request, AccessRequestOutbox.Kind kind) {
		String route = settings.requests().route();
		if (route != null) {
			outbox.queue(request.id(), route, kind, messages.message(request, kind, clock.instant()), clock.instant());
		}
	}

	private void record(AccessRequestOutbox.Message message, String claim, PostOutcome outcome) {
		var now = clock.instant();
		switch (outcome) {
			case PostOutcome.Posted posted -> {
				if (outbox.delivered(message.id(), claim, now)) {
					record("access-request.notified", message, null);
				}
			}
			case PostOutcome.Retry retry -> {
				var backoff = now.plus(settings.requests().backoff(message.attempts() + 1));
				var next = retry.retryAfter().map(now::plus).filter(asked -> asked.isAfter(backoff)).orElse(backoff);
				outbox.failed(message.id(), claim, retry.error(), false, next);
				log.info("Access request message {} to route {} is tried again at {}: {}", message.id(),
						message.route(), next, retry.error());
			}
			case PostOutcome.Permanent permanent -> {
				if (outbox.failed(message.id(), claim, permanent.error(), true, now)) {
					record("access-request.notice-dead", message, permanent.error());
					log.warn("Access request message {} to route {} is dead: {}", message.id(), message.route(),
							permanent.error());
				}
			}
		}
	}

	private void record(String action, AccessRequestOutbox.Message message, @Nullable String error) {
		var request = requests.find(message.requestId(), account -> Optional.empty()).orElseThrow();
		var step = new LinkedHashMap<String, Object>();
		step.put("route", message.route());
		step.put("message", message.kind().name());
		step.put("attempts", message.attempts() + 1);
		if (error != null) {
			step.put("error", error);
		}
		ledger.record(action, AccessRequestLedger.ACTOR, request, step);
	}

}
