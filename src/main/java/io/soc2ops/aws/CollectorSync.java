package io.soc2ops.aws;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a collector got to in one account and Region.
 *
 * @param lastSuccessAt the moment up to which everything was collected; the next run asks
 * for what changed since; absent before the first success
 * @param lastAttemptAt when the collector last tried
 * @param lastError why the last attempt failed; absent when it succeeded
 * @param lastReceived findings received by the last successful sync
 */
public record CollectorSync(AccountRegion target, String collector, @Nullable Instant lastSuccessAt,
		Instant lastAttemptAt, @Nullable String lastError, long lastReceived) {

}
