package io.soc2ops.alerting;

import org.jspecify.annotations.Nullable;

/**
 * What became of a test message sent to a route.
 *
 * @param detail what went wrong (never the URL); empty when it was posted
 * @param retryAfterSeconds what Slack's {@code Retry-After} asked for, when it did
 */
public record TestMessageOutcome(Result result, String detail, @Nullable Long retryAfterSeconds) {

	public enum Result {

		/** Slack took it. */
		POSTED,
		/** A passing failure (429, 5xx, no connection): try again later. */
		RETRY,
		/** The route will not work until someone changes it. */
		PERMANENT

	}

	static TestMessageOutcome of(PostOutcome outcome) {
		return switch (outcome) {
			case PostOutcome.Posted posted -> new TestMessageOutcome(Result.POSTED, "", null);
			case PostOutcome.Retry retry -> new TestMessageOutcome(Result.RETRY, retry.error(),
					retry.retryAfter().map(java.time.Duration::toSeconds).orElse(null));
			case PostOutcome.Permanent permanent -> new TestMessageOutcome(Result.PERMANENT, permanent.error(), null);
		};
	}

}
