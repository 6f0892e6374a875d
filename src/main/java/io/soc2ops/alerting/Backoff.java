package io.soc2ops.alerting;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff with full jitter (a random
 * wait up to {@code first} doubled per earlier failure, capped), so deliveries that
 * failed together do not come back together; never earlier than a {@code Retry-After}
 * asked.
 */
record Backoff(Duration first, Duration cap) {

	/**
	 * @param failures failed attempts so far, this one included (1 or more)
	 */
	Duration after(int failures, Optional<Duration> retryAfter, RandomGenerator random) {
		int doublings = Math.clamp(failures - 1, 0, 30);
		long ceiling = Math.min(cap.toMillis(), first.toMillis() << doublings);
		if (ceiling <= 0) {
			ceiling = cap.toMillis();
		}
		var wait = Duration.ofMillis(random.nextLong(ceiling + 1));
		return retryAfter.filter(asked -> asked.compareTo(wait) > 0).orElse(wait);
	}

}
