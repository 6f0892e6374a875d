package io.soc2ops.alerting;

import java.time.Instant;

/**
 * A route as anyone may read it: its secret (the webhook URL) is never part of it, only a
 * hint such as {@code https://hooks.slack.com/services/T…/…/…wxyz}.
 *
 * @param version how many times it was created or changed (not counting its health)
 */
public record AlertRoute(String name, RouteKind kind, String webhookUrlHint, boolean enabled, String createdBy,
		Instant createdAt, String changedBy, Instant changedAt, int version, RouteHealth health) {

}
