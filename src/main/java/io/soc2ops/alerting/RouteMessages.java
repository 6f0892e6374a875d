package io.soc2ops.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Slack messages that other modules send to the alert routes, such as notices about
 * vulnerabilities: posted as an alert is (the route's sealed webhook URL, its health, the
 * Slack SDK), taking the route's turn, so that a route gets at most one message per
 * {@code soc2ops.alerting.delivery.per-route-interval} across the cluster whoever sends
 * it. The caller keeps its message until it is posted: after a {@link PostOutcome.Retry}
 * it tries again later, after a {@link PostOutcome.Permanent} not until someone changes
 * the route. A post waits for the route's turn (at most {@value #MOST_WAIT_SECONDS} s)
 * and up to the webhook timeouts, so call it outside a transaction.
 */
@Service
public class RouteMessages {

	static final int MOST_WAIT_SECONDS = 10;

	private static final Logger log = LoggerFactory.getLogger(RouteMessages.class);

	private final RouteDirectory routes;

	private final RouteTurns turns;

	private final DeliverySettings settings;

	private final PublicSite site;

	private final SlackMessage messages;

	private final Clock clock;

	RouteMessages(RouteDirectory routes, RouteTurns turns, DeliverySettings settings, PublicSite site,
			SlackMessage messages, Clock clock) {
		this.routes = routes;
		this.turns = turns;
		this.settings = settings;
		this.site = site;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Whether this instance posts to Slack at all
	 * ({@code soc2ops.alerting.delivery.enabled}); when it does not, messages wait for an
	 * instance that does.
	 */
	public boolean posting() {
		return settings.enabled();
	}

	/**
	 * Posts one message to the named route; a route that is disabled or does not exist is
	 * a permanent failure.
	 * @param payloadJson a Slack message (Block Kit) as an incoming webhook takes it
	 */
	public PostOutcome post(String routeName, String payloadJson) {
		var turn = takeTurn(routeName);
		if (turn.isPresent()) {
			return new PostOutcome.Retry("route " + routeName + " takes no message before " + turn.get(),
					Optional.of(Duration.between(clock.instant(), turn.get())));
		}
		PostOutcome outcome;
		try {
			outcome = routes.post(routeName, payloadJson);
		}
		catch (RuntimeException ex) {
			// its message might carry the webhook URL: the class is enough to go on
			log.warn("Posting to route {} failed: {}", routeName, ex.getClass().getName());
			outcome = new PostOutcome.Retry("posting failed: " + ex.getClass().getSimpleName(), Optional.empty());
		}
		if (outcome instanceof PostOutcome.Retry retry && retry.retryAfter().isPresent()) {
			turns.holdUntil(routeName, clock.instant().plus(retry.retryAfter().get()));
		}
		return outcome;
	}

	/** The address of a page of soc2ops for a link, such as {@code /vulnerabilities}. */
	public String link(String path) {
		return site.link(path);
	}

	/** An AWS account as messages show it: "production (111122223333)", else its ID. */
	public String account(String accountId) {
		return messages.account(accountId);
	}

	/**
	 * Waits for the route's turn and takes it.
	 * @return empty once taken; otherwise the route's next turn, which is too far off
	 */
	private Optional<Instant> takeTurn(String route) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(MOST_WAIT_SECONDS);
		turns.open(route, clock.instant());
		while (true) {
			var now = clock.instant();
			if (turns.take(route, now, settings.perRouteInterval())) {
				return Optional.empty();
			}
			var next = turns.next(route, now);
			long left = until - System.nanoTime();
			if (left <= 0) {
				return Optional.of(next);
			}
			long wait = Math.clamp(Duration.between(now, next).toMillis() + 1, 1,
					TimeUnit.NANOSECONDS.toMillis(left) + 1);
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.of(next);
			}
		}
	}

}
