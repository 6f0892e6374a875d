package io.soc2ops.aws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security Hub write-back ({@code soc2ops.aws.write-back.*}): whether alerts set their
 * findings' {@code Workflow.Status} in Security Hub. Off by default; it also needs AWS
 * enabled and {@code securityhub:BatchUpdateFindings} (soc2ops-write-back-policy.json).
 *
 * @param enabled whether soc2ops writes workflow statuses back
 * @param attempts calls per update while Security Hub leaves the finding unprocessed for
 * a passing reason ({@code ConcurrentUpdateError}, {@code InternalFailure}), the first
 * included; throttling and server errors are retried by the SDK within each call
 * @param backoff the wait before the second attempt, doubled before each further one
 */
@ConfigurationProperties("soc2ops.aws.write-back")
record WriteBackSettings(@DefaultValue("false") boolean enabled, @DefaultValue("3") int attempts,
		@DefaultValue("2s") Duration backoff) {

	WriteBackSettings {
		if (attempts < 1 || attempts > 10) {
			throw new IllegalArgumentException("soc2ops.aws.write-back.attempts: must be 1-10 but was " + attempts);
		}
		if (!backoff.isPositive()) {
			throw new IllegalArgumentException("soc2ops.aws.write-back.backoff: must be positive");
		}
	}

	/**
	 * The wait after {@code failures} attempts (1 or more): the backoff doubled for each
	 * failure after the first, of which a random half, so that updates that failed
	 * together do not come back together.
	 */
	Duration waitAfter(int failures) {
		long full = backoff.toMillis() << Math.min(failures - 1, 20);
		return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
	}

}
