package io.soc2ops.alerting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * The outbox as people see it: how many deliveries each route has in each state, the
 * deliveries themselves (the dead ones with their last error), and retrying a dead one or
 * all of a route's, each retry recorded in the evidence ledger.
 */
@Service
public class Deliveries {

	public static final int PAGE_SIZE = 50;

	private final DeliveryStore store;

	private final EvidenceLedger ledger;

	private final DeliveryBell bell;

	private final Clock clock;

	Deliveries(DeliveryStore store, EvidenceLedger ledger, DeliveryBell bell, Clock clock) {
		this.store = store;
		this.ledger = ledger;
		this.bell = bell;
		this.clock = clock;
	}

	/** Every route that has deliveries, by name, with its counts. */
	public List<RouteDeliveries> routes() {
		var routes = new TreeMap<String, long[]>();
		for (var count : store.counts(clock.instant())) {
			var counts = routes.computeIfAbsent(count.route(), name -> new long[4]);
			counts[count.state().ordinal()] += count.count();
			if (count.state() == Delivery.State.PENDING) {
				counts[3] += count.claimed();
			}
		}
		return routes.entrySet()
			.stream()
			.map(e -> new RouteDeliveries(e.getKey(), e.getValue()[0], e.getValue()[3], e.getValue()[1],
					e.getValue()[2]))
			.toList();
	}

	/**
	 * Newest first, {@value #PAGE_SIZE} a page.
	 * @param state only these, when given
	 * @param route only this route's, when given
	 * @param page from 1
	 */
	public DeliveryPage page(Delivery.@Nullable State state, @Nullable String route, int page) {
		if (page < 1) {
			throw AlertingException.refused("page: must be 1 or more but was " + page);
		}
		var now = clock.instant();
		return new DeliveryPage(store.list(state, route, PAGE_SIZE, (page - 1) * PAGE_SIZE, now), page,
				store.count(state, route));
	}

	public Optional<Delivery> find(String id) {
		return store.find(id, clock.instant());
	}

	/**
	 * Makes a dead delivery pending again, with a fresh count of attempts.
	 * @throws AlertingException when there is no such delivery or it is not dead
	 */
	@Transactional
	public Delivery retry(String id, Actor by) {
		var delivery = find(id).orElseThrow(() -> AlertingException.notFound("no alert delivery " + id));
		if (delivery.state() != Delivery.State.DEAD || !revive(delivery, by)) {
			throw AlertingException.refused("delivery " + id + " is " + delivery.state().name().toLowerCase(Locale.ROOT)
					+ "; only a dead delivery can be retried");
		}
		return find(id).orElseThrow();
	}

	/** Makes every dead delivery of the route pending again. @return how many */
	@Transactional
	public int retryRoute(String route, Actor by) {
		int retried = 0;
		for (String id : store.deadOf(route)) {
			var delivery = find(id);
			if (delivery.isPresent() && revive(delivery.get(), by)) {
				retried++;
			}
		}
		return retried;
	}

	private boolean revive(Delivery delivery, Actor by) {
		var now = clock.instant();
		if (!store.revive(delivery.id(), now)) {
			return false;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("route", delivery.routeName());
		payload.put("delivery", delivery.id());
		payload.put("attempts", delivery.attempts());
		if (delivery.lastError() != null) {
			payload.put("lastError", delivery.lastError());
		}
		ledger.record(new EvidenceRecord("alert.delivery-retried", by, "alerting", "alert:" + delivery.alertId(),
				LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
		bell.ringAfterCommit();
		return true;
	}

	/**
	 * One route's deliveries by state.
	 *
	 * @param claimed of the pending, how many an instance is posting right now
	 */
	public record RouteDeliveries(String route, long pending, long claimed, long delivered, long dead) {
	}

	/** One page of deliveries and how many there are in all. */
	public record DeliveryPage(List<Delivery> deliveries, int page, long total) {

		public DeliveryPage {
			deliveries = List.copyOf(deliveries);
		}

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

}
