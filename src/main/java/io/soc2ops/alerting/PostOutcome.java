package io.soc2ops.alerting;

import java.time.Duration;
import java.util.Optional;

/**
 * What became of posting one message to a route: taken, worth trying again later, or not
 * until someone changes the route.
 */
public sealed interface PostOutcome {

	/** Slack took it (2xx). */
	record Posted() implements PostOutcome {
	}

	/**
	 * Worth trying again: 429, 5xx, a connection that failed or timed out.
	 *
	 * @param retryAfter what Slack's {@code Retry-After} asked for, when it did
	 */
	record Retry(String error, Optional<Duration> retryAfter) implements PostOutcome {
	}

	/**
	 * Will not work until someone changes the route: 400, 403, 404, 410 (a revoked
	 * webhook), no route of that name, a disabled route.
	 */
	record Permanent(String error) implements PostOutcome {
	}

}
