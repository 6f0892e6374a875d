package io.soc2ops.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access reviews ({@code soc2ops.access.reviews.*}). A value that does not hold stops
 * start-up with a message naming the setting.
 *
 * @param removalWithin how long after a revocation its removal is due
 * @param route the alert route reminders go to; blank for no reminders
 * @param remindWithin reviewers are reminded once a campaign is due this soon (and while
 * it is overdue), at most once a day
 * @param every how long after one reminder sweep ends the next one starts
 * @param firstRetry the wait after a reminder's first failed post; each further failure
 * doubles it, up to {@code maxRetry}
 * @param maxRetry the longest wait between two tries of a reminder
 */
@ConfigurationProperties(ReviewSettings.PREFIX)
record ReviewSettings(@DefaultValue("7d") Duration removalWithin, @DefaultValue("") String route,
		@DefaultValue("3d") Duration remindWithin, @DefaultValue("1h") Duration every,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry) {

	static final String PREFIX = "soc2ops.access.reviews";

	ReviewSettings {
		positive("removal-within", removalWithin);
		positive("remind-within", remindWithin);
		positive("every", every);
		positive("first-retry", firstRetry);
		if (maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException(
					PREFIX + ".max-retry: must be at least first-retry (" + firstRetry + ") but was " + maxRetry);
		}
		route = route.strip();
	}

	boolean reminding() {
		return !route.isEmpty();
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(PREFIX + "." + name + ": must be positive but was " + value);
		}
	}

}
