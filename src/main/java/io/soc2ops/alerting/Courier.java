package io.soc2ops.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Takes one message's worth of due deliveries of a route (the oldest and those like it),
 * posts it, and records what became of it with the evidence, in one transaction: all
 * delivered together, or each tried again later after its backoff, or dead. The claim is
 * committed before the post, so a crash in between leaves the deliveries to whoever
 * claims them after the lease.
 */
final class Courier {

	private static final Logger log = LoggerFactory.getLogger(Courier.class);

	static final Actor ACTOR = Actor.system("alert-delivery");

	private final DeliveryStore store;

	private final AlertStore alerts;

	private final ObjectProvider<RouteDirectory> routes;

	private final SlackMessage messages;

	private final RouteTurns turns;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transaction;

	private final DeliverySettings settings;

	private final Clock clock;

	private final Backoff backoff;

	Courier(DeliveryStore store, AlertStore alerts, ObjectProvider<RouteDirectory> routes, SlackMessage messages,
			RouteTurns turns, EvidenceLedger ledger, TransactionTemplate transaction, DeliverySettings settings,
			Clock clock) {
		this.store = store;
		this.alerts = alerts;
		this.routes = routes;
		this.messages = messages;
		this.turns = turns;
		this.ledger = ledger;
		this.transaction = transaction;
		this.settings = settings;
		this.clock = clock;
		this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
	}

	/** Whether there is anything to post to: the routes are another part's. */
	boolean hasRoutes() {
		return routes.getIfAvailable() != null;
	}

	/**
	 * @return false when the route had nothing due that this instance could claim
	 */
	boolean deliverNext(String route) {
		var now = clock.instant();
		String claimId = UUID.randomUUID().toString();
		var claimed = store.claim(route, now, now.plus(settings.lease()), claimId, settings.instanceName(),
				settings.maxGroup());
		if (claimed.isEmpty()) {
			return false;
		}
		var byId = alerts.withIds(claimed.stream().map(DeliveryStore.Claimed::alertId).toList())
			.stream()
			.collect(Collectors.toMap(Alert::id, Function.identity()));
		var groupId = claimed.size() > 1 ? Optional.of(UUID.randomUUID().toString()) : Optional.<String>empty();
		var notice = new Notice(claimed.stream().map(c -> byId.get(c.alertId())).toList(),
				claimed.stream().map(DeliveryStore.Claimed::id).toList(), groupId);
		String message = messages.json(notice);
		// the interval counts from the post itself, however long claiming and building
		// took
		turns.holdUntil(route, clock.instant().plus(settings.perRouteInterval()));
		var outcome = post(route, message);
		transaction.executeWithoutResult(status -> record(route, claimId, claimed, notice, outcome));
		return true;
	}

	private PostOutcome post(String route, String payload) {
		try {
			return routes.getObject().post(route, payload);
		}
		catch (RuntimeException ex) {
			// its message might carry the webhook URL: the class is enough to go on
			log.warn("Posting to route {} failed: {}", route, ex.getClass().getName());
			return new PostOutcome.Retry("posting failed: " + ex.getClass().getSimpleName(), Optional.empty());
		}
	}

	private void record(String route, String claimId, List<DeliveryStore.Claimed> claimed, Notice notice,
			PostOutcome outcome) {
		var now = clock.instant();
		switch (outcome) {
			case PostOutcome.Posted posted -> delivered(route, claimId, claimed, notice, now);
			case PostOutcome.Retry retry -> {
				retry.retryAfter().ifPresent(wait -> turns.holdUntil(route, now.plus(wait)));
				// one wait for the whole message, so its alerts come back together
				int failures = claimed.stream().mapToInt(DeliveryStore.Claimed::attempts).max().orElse(0) + 1;
				var next = now.plus(backoff.after(failures, retry.retryAfter(), ThreadLocalRandom.current()));
				for (var delivery : claimed) {
					boolean dead = delivery.attempts() + 1 >= settings.maxAttempts();
					failed(route, claimId, delivery, retry.error(), dead, next, now);
				}
			}
			case PostOutcome.Permanent permanent -> {
				for (var delivery : claimed) {
					failed(route, claimId, delivery, permanent.error(), true, now, now);
				}
			}
		}
	}

	private void delivered(String route, String claimId, List<DeliveryStore.Claimed> claimed, Notice notice,
			Instant now) {
		if (store.delivered(claimId, now, notice.groupId().orElse(null)) == 0) {
			log.warn("Route {} took deliveries {} after their lease ran out; another instance may post them again",
					route, notice.deliveryIds());
			return;
		}
		for (var delivery : claimed) {
			var payload = payload(route, delivery);
			payload.put("attempts", delivery.attempts() + 1);
			payload.put("groupSize", claimed.size());
			notice.groupId().ifPresent(group -> payload.put("groupId", group));
			record("alert.notified", delivery, payload, now);
		}
	}

	private void failed(String route, String claimId, DeliveryStore.Claimed delivery, String error, boolean dead,
			Instant next, Instant now) {
		if (store.failed(delivery.id(), claimId, next, error, dead) && dead) {
			var payload = payload(route, delivery);
			payload.put("attempts", delivery.attempts() + 1);
			payload.put("error",
					error.length() > DeliveryStore.MAX_ERROR ? error.substring(0, DeliveryStore.MAX_ERROR) : error);
			record("alert.delivery-dead", delivery, payload, now);
			log.warn("Delivery {} of alert {} to route {} is dead after {} attempt(s): {}", delivery.id(),
					delivery.alertId(), route, delivery.attempts() + 1, error);
		}
	}

	private static Map<String, Object> payload(String route, DeliveryStore.Claimed delivery) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("route", route);
		payload.put("delivery", delivery.id());
		return payload;
	}

	private void record(String action, DeliveryStore.Claimed delivery, Map<String, Object> payload, Instant now) {
		ledger.record(new EvidenceRecord(action, ACTOR, "alerting", "alert:" + delivery.alertId(),
				LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

}
