package io.soc2ops.alerting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.soc2ops.findings.Severity;

/**
 * One alert's way to one route, as the outbox holds it.
 *
 * @param attempts failed and successful posts so far (since the last manual retry)
 * @param nextAttemptAt when a pending delivery may be tried (again)
 * @param claimed whether an instance holds it right now (its lease has not run out)
 * @param lastError what the route said the last time it failed (never its URL)
 * @param groupId the message it went out in with similar alerts, when it did
 * @param alertTitle the alert's finding title
 * @param severity the alert's severity
 */
public record Delivery(String id, String alertId, String routeName, String ruleName, State state, int attempts,
		Instant nextAttemptAt, boolean claimed, @Nullable String lastError, Instant createdAt,
		@Nullable Instant deliveredAt, @Nullable String groupId, String alertTitle, Severity severity) {

	/** Where a delivery is; a pending one may be claimed by an instance for a while. */
	public enum State {

		PENDING, DELIVERED, DEAD

	}

}
