package io.soc2ops.alerting;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivering alerts from the outbox to their routes
 * ({@code soc2ops.alerting.delivery.*}).
 *
 * @param enabled whether this instance delivers: on for {@code serve} and {@code demo};
 * one-shot commands never deliver. The outbox fills either way, and any instance with it
 * on empties it
 * @param perRouteInterval the least time between two messages to one route, across every
 * instance (Slack takes about one message per second per webhook); a burst waits in the
 * outbox and similar alerts in it go out together
 * @param maxAttempts failed attempts after which a delivery is parked as dead
 * @param firstRetry the longest wait after the first failure; each further failure
 * doubles it, up to {@code maxRetry}, and the actual wait is drawn at random below it
 * (full jitter)
 * @param maxRetry the cap of the wait between attempts
 * @param lease how long a claimed delivery stays with the instance that claimed it; an
 * instance that dies holding one leaves it to the others after this. Must be well above
 * the time one post may take
 * @param pollInterval how often the instance looks for due deliveries when nothing woke
 * it
 * @param maxGroup the most alerts one grouped message carries
 * @param instanceName the name claims are held under; by default the host name
 */
@ConfigurationProperties("soc2ops.alerting.delivery")
record DeliverySettings(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration perRouteInterval,
		@DefaultValue("8") int maxAttempts, @DefaultValue("1s") Duration firstRetry,
		@DefaultValue("5m") Duration maxRetry, @DefaultValue("1m") Duration lease,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("50") int maxGroup,
		@DefaultValue("") String instanceName) {

	static final String PREFIX = "soc2ops.alerting.delivery.";

	static final int MAX_INSTANCE_NAME = 100;

	/** Every delivery id of a message goes into its metadata, which must stay small. */
	static final int MAX_GROUP = 100;

	DeliverySettings {
		if (perRouteInterval.isNegative()) {
			throw new IllegalArgumentException(PREFIX + "per-route-interval: must not be negative");
		}
		if (maxAttempts < 1 || maxAttempts > 100) {
			throw new IllegalArgumentException(PREFIX + "max-attempts: must be 1-100 but was " + maxAttempts);
		}
		if (!firstRetry.isPositive() || maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException(
					PREFIX + "first-retry: must be positive and at most " + PREFIX + "max-retry");
		}
		if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(PREFIX + "lease: must be at least 1s but was " + lease);
		}
		if (!pollInterval.isPositive()) {
			throw new IllegalArgumentException(PREFIX + "poll-interval: must be positive");
		}
		if (maxGroup < 1 || maxGroup > MAX_GROUP) {
			throw new IllegalArgumentException(PREFIX + "max-group: must be 1-" + MAX_GROUP + " but was " + maxGroup);
		}
		instanceName = instanceName.isBlank() ? hostName() : instanceName.strip();
		if (instanceName.length() > MAX_INSTANCE_NAME) {
			instanceName = instanceName.substring(0, MAX_INSTANCE_NAME);
		}
	}

	private static String hostName() {
		String name = System.getenv("HOSTNAME");
		if (name != null && !name.isBlank()) {
			return name.strip();
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "soc2ops";
		}
	}

}
