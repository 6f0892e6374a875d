package io.soc2ops.access;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation of holdings against approvals and its Slack announcements
 * ({@code soc2ops.access.unapproved.*}). A value that does not hold stops start-up with a
 * message naming the setting.
 *
 * @param route the alert route new unapproved access is announced to; empty: announced
 * nowhere (still shown, counted and in the ledger)
 * @param every how long after one scheduled reconciliation ends the next one starts
 * @param onChange whether an inventory or cover change starts a reconciliation on this
 * instance at once; unset: where recurring tasks run ({@code soc2ops.schedule.enabled})
 * @param listed how many exceptions one announcement lists (the others are counted)
 * @param firstRetry the wait after a message's first failed post; each further failure
 * doubles it, up to {@code maxRetry}
 * @param maxRetry the longest wait between two tries of a message
 * @param removalWithin when an operator opens a removal of unapproved access, it is due
 * this long after
 */
@ConfigurationProperties(ReconciliationSettings.PREFIX)
record ReconciliationSettings(@DefaultValue("") String route, @DefaultValue("15m") Duration every,
		@Nullable Boolean onChange, @DefaultValue("10") int listed, @DefaultValue("1m") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("1d") Duration removalWithin) {

	static final String PREFIX = "soc2ops.access.unapproved";

	/** The most exceptions one message lists, so it stays within Slack's 50 blocks. */
	static final int MOST_LISTED = 20;

	ReconciliationSettings {
		route = route.strip();
		if (route.length() > 64) {
			throw new IllegalArgumentException(PREFIX + ".route: a route name has at most 64 characters");
		}
		positive("every", every);
		positive("first-retry", firstRetry);
		positive("removal-within", removalWithin);
		if (maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException(
					PREFIX + ".max-retry: must be at least first-retry (" + firstRetry + ") but was " + maxRetry);
		}
		if (listed < 1 || listed > MOST_LISTED) {
			throw new IllegalArgumentException(PREFIX + ".listed: must be 1-" + MOST_LISTED + " but was " + listed);
		}
	}

	/** The route announcements go to, if any. */
	Optional<String> announcedTo() {
		return route.isEmpty() ? Optional.empty() : Optional.of(route);
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(PREFIX + "." + name + ": must be positive but was " + value);
		}
	}

}
