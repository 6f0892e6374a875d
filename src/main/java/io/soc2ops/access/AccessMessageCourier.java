package io.soc2ops.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * Posts the access messages due through the alert routes, oldest first: delivered (a
 * ledger entry), tried again after its topic's backoff and never before Slack's
 * {@code Retry-After}, or dead when the route fails for good (a ledger entry). A message
 * is claimed before its post, so a crash in between leaves it to whoever claims it after
 * the lease; the post runs outside any transaction.
 */
@Component
class AccessMessageCourier {

	private static final Logger log = LoggerFactory.getLogger(AccessMessageCourier.class);

	static final Duration LEASE = Duration.ofMinutes(5);

	static final int BATCH = 200;

	private final AccessMessages messages;

	private final Map<String, AccessMessageTopic> topics;

	private final RouteMessages routes;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AccessMessageCourier(AccessMessages messages, List<AccessMessageTopic> topics, RouteMessages routes,
			EvidenceLedger ledger, TransactionTemplate transactions, Clock clock) {
		this.messages = messages;
		this.topics = topics.stream()
			.collect(Collectors.toUnmodifiableMap(AccessMessageTopic::name, Function.identity()));
		this.routes = routes;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Delivers what is due of every topic, for the recurring task.
	 * @throws IllegalStateException when a message was not taken for now (it stays in the
	 * outbox), after everything else was done
	 */
	void sweep() {
		var run = deliver();
		if (run.deferred() > 0) {
			throw new IllegalStateException(run.deferred() + " access message(s) were not taken for now and are"
					+ " tried again later; the routes' health says why");
		}
	}

	/** Posts the messages of every topic that are due. */
	Delivery deliver() {
		return deliver(topics.keySet());
	}

	/** Posts the messages of one topic that are due. */
	Delivery deliver(String topic) {
		return deliver(Set.of(topic));
	}

	private Delivery deliver(Set<String> topics) {
		if (!routes.posting()) {
			return new Delivery(0, 0);
		}
		int delivered = 0;
		int deferred = 0;
		for (String id : messages.due(topics, clock.instant(), BATCH)) {
			var now = clock.instant();
			String claim = UUID.randomUUID().toString();
			var message = messages.claim(id, claim, now, now.plus(LEASE));
			if (message.isEmpty()) {
				continue;
			}
			var outcome = routes.post(message.get().route(), message.get().payload());
			transactions.executeWithoutResult(status -> record(message.get(), claim, outcome));
			delivered += outcome instanceof PostOutcome.Posted ? 1 : 0;
			deferred += outcome instanceof PostOutcome.Retry ? 1 : 0;
		}
		return new Delivery(delivered, deferred);
	}

	private void record(AccessMessages.Message message, String claim, PostOutcome outcome) {
		var topic = topics.get(message.topic());
		var now = clock.instant();
		switch (outcome) {
			case PostOutcome.Posted posted -> {
				if (messages.delivered(message.id(), claim, now)) {
					record(topic, topic.deliveredAction(), message, null, now);
				}
			}
			case PostOutcome.Retry retry -> {
				var backoff = now.plus(topic.backoff(message.attempts() + 1));
				var next = retry.retryAfter().map(now::plus).filter(asked -> asked.isAfter(backoff)).orElse(backoff);
				messages.failed(message.id(), claim, retry.error(), false, next);
				log.info("Access message {} ({}) to route {} is tried again at {}: {}", message.id(), topic.name(),
						message.route(), next, retry.error());
			}
			case PostOutcome.Permanent permanent -> {
				if (messages.failed(message.id(), claim, permanent.error(), true, now)) {
					record(topic, topic.deadAction(), message, permanent.error(), now);
					log.warn("Access message {} ({}) to route {} is dead: {}", message.id(), topic.name(),
							message.route(), permanent.error());
				}
			}
		}
	}

	private void record(AccessMessageTopic topic, String action, AccessMessages.Message message, @Nullable String error,
			Instant now) {
		var payload = new LinkedHashMap<String, Object>(message.details());
		payload.put("attempts", message.attempts() + 1);
		if (error != null) {
			payload.put("error", AccessMessages.cut(error));
		}
		ledger.record(new EvidenceRecord(action, topic.actor(), "access", message.subject(),
				LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

	/**
	 * What one delivery did.
	 *
	 * @param deferred messages not taken for now (they stay pending)
	 */
	record Delivery(int delivered, int deferred) {
	}

}
