package io.soc2ops.access;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access requests ({@code soc2ops.access.*}). A value that does not hold stops start-up
 * with a message naming the setting; the route is checked against the alert routes once
 * the application has started ({@link AccessRequestRouteCheck}).
 *
 * @param privilegedPermissionSets permission sets (and IAM policies) that need two
 * approvers, by name in any case; anything whose managed policies include
 * {@code AdministratorAccess} needs two as well
 * @param requests how requests are notified, reminded, granted and expired
 */
@ConfigurationProperties(AccessRequestSettings.PREFIX)
record AccessRequestSettings(@DefaultValue("AdministratorAccess") List<String> privilegedPermissionSets,
		@DefaultValue Requests requests) {

	static final String PREFIX = "soc2ops.access";

	AccessRequestSettings {
		if (privilegedPermissionSets.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException(PREFIX + ".privileged-permission-sets: a name is blank");
		}
		privilegedPermissionSets = privilegedPermissionSets.stream()
			.map(name -> name.strip().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
	}

	Set<String> privileged() {
		return privilegedPermissionSets.stream().collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * @param route the alert route approvers are told on; none: no Slack messages
	 * @param remindAfter a request waiting this long for a decision is reminded of
	 * @param remindEvery and again this long after each reminder
	 * @param reminders the most reminders one request gets
	 * @param expiryGrace how long after the end an operator has to remove expired access
	 * @param every how long after one sweep (reminders, grants, expiries) the next starts
	 * @param firstRetry the wait after a message's or an automatic grant's first failed
	 * try; doubled after each further one, up to {@code maxRetry}
	 * @param maxRetry the longest wait between two tries
	 * @param grantTries how often soc2ops tries an automatic grant that throws before it
	 * marks it failed
	 */
	record Requests(@Nullable String route, @DefaultValue("24h") Duration remindAfter,
			@DefaultValue("24h") Duration remindEvery, @DefaultValue("5") int reminders,
			@DefaultValue("24h") Duration expiryGrace, @DefaultValue("1m") Duration every,
			@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
			@DefaultValue("5") int grantTries) {

		static final String PREFIX = AccessRequestSettings.PREFIX + ".requests";

		Requests {
			route = route == null || route.isBlank() ? null : route.strip();
			positive("remind-after", remindAfter);
			positive("remind-every", remindEvery);
			positive("every", every);
			positive("first-retry", firstRetry);
			if (expiryGrace.isNegative()) {
				throw new IllegalArgumentException(
						PREFIX + ".expiry-grace: must not be negative but was " + expiryGrace);
			}
			if (maxRetry.compareTo(firstRetry) < 0) {
				throw new IllegalArgumentException(
						PREFIX + ".max-retry: must be at least first-retry (" + firstRetry + ") but was " + maxRetry);
			}
			if (reminders < 0 || reminders > 100) {
				throw new IllegalArgumentException(PREFIX + ".reminders: must be 0-100 but was " + reminders);
			}
			if (grantTries < 1 || grantTries > 100) {
				throw new IllegalArgumentException(PREFIX + ".grant-tries: must be 1-100 but was " + grantTries);
			}
		}

		/** The wait after the {@code failures}th failure. */
		Duration backoff(int failures) {
			var wait = firstRetry.multipliedBy(1L << Math.clamp(failures - 1, 0, 30));
			return wait.compareTo(maxRetry) > 0 || wait.isNegative() ? maxRetry : wait;
		}

		private static void positive(String name, Duration value) {
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(PREFIX + "." + name + ": must be positive but was " + value);
			}
		}

	}

}
