package io.soc2ops.alerting;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Empties the outbox on this instance, when {@code soc2ops.alerting.delivery.enabled}: a
 * loop (a virtual thread) looks for routes with due deliveries whenever the bell rings or
 * the poll interval passes, and gives each such route a worker of its own, so a slow or
 * failing route never holds up another. A worker waits for the route's turn, sends one
 * message, and goes on until the route has nothing due. On stop, a worker finishes the
 * message in hand and records it; whatever is not done stays in the outbox.
 */
final class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final DeliverySettings settings;

	private final DeliveryStore store;

	private final RouteTurns turns;

	private final Courier courier;

	private final DeliveryBell bell;

	private final Clock clock;

	private final Map<String, Thread> workers = new ConcurrentHashMap<>();

	private volatile CountDownLatch stopping = new CountDownLatch(0);

	private @Nullable Thread loop;

	Dispatcher(DeliverySettings settings, DeliveryStore store, RouteTurns turns, Courier courier, DeliveryBell bell,
			Clock clock) {
		this.settings = settings;
		this.store = store;
		this.turns = turns;
		this.courier = courier;
		this.bell = bell;
		this.clock = clock;
	}

	@Override
	public boolean isAutoStartup() {
		if (settings.enabled() && !courier.hasRoutes()) {
			log.warn("No route directory: alert deliveries stay in the outbox");
		}
		return settings.enabled() && courier.hasRoutes();
	}

	@Override
	public synchronized void start() {
		if (loop != null) {
			return;
		}
		stopping = new CountDownLatch(1);
		loop = Thread.ofVirtual().name("soc2ops-delivery").start(this::look);
		log.info("Delivering alerts as '{}' (at most one message per {} per route)", settings.instanceName(),
				settings.perRouteInterval());
	}

	@Override
	public void stop() {
		Thread looking;
		synchronized (this) {
			looking = loop;
			loop = null;
		}
		if (looking == null) {
			return;
		}
		stopping.countDown();
		bell.ring();
		try {
			looking.join();
			for (var worker : workers.values()) {
				worker.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return loop != null;
	}

	private boolean stopped() {
		return stopping.getCount() == 0 || Thread.currentThread().isInterrupted();
	}

	private void look() {
		while (!stopped()) {
			try {
				for (String route : store.dueRoutes(clock.instant())) {
					var worker = Thread.ofVirtual().name("soc2ops-delivery-" + route).unstarted(() -> work(route));
					if (workers.putIfAbsent(route, worker) == null) {
						worker.start();
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("Looking for due alert deliveries failed; looking again in {}: {}", settings.pollInterval(),
						ex.toString());
			}
			try {
				bell.await(settings.pollInterval());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void work(String route) {
		try {
			turns.open(route, clock.instant());
			while (!stopped()) {
				var now = clock.instant();
				var wait = Duration.between(now, turns.next(route, now));
				if (wait.isPositive()) {
					pause(wait);
				}
				else if (turns.take(route, now, settings.perRouteInterval()) && !courier.deliverNext(route)) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Delivering to route {} failed; it is tried again at the next look: {}", route, ex.toString());
		}
		finally {
			workers.remove(route);
		}
	}

	private void pause(Duration wait) {
		try {
			stopping.await(wait.toMillis() + 1, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
