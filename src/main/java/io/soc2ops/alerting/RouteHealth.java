package io.soc2ops.alerting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How posting to a route went lately.
 *
 * @param lastPostedAt when Slack last took a message
 * @param lastError what went wrong the last time a post failed (never the URL)
 * @param permanentError set when Slack said the webhook will not work (400, 403, 404,
 * 410: revoked, deleted, malformed) or its URL no longer opens; cleared when a post works
 * or the URL is replaced
 */
public record RouteHealth(@Nullable Instant lastPostedAt, @Nullable String lastError, @Nullable Instant lastErrorAt,
		@Nullable String permanentError, @Nullable Instant permanentErrorAt) {

	static final RouteHealth UNTRIED = new RouteHealth(null, null, null, null, null);

	public boolean failsPermanently() {
		return permanentError != null;
	}

}
