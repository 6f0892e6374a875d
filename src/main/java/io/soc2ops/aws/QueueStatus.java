package io.soc2ops.aws;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How the SQS event queue is being worked, for the UI and the operator.
 *
 * @param queueUrl the queue polled; null when none is configured
 * @param polling whether the receive loops run (only in the server, between start and
 * shutdown)
 * @param lastReceiveAt when a {@code ReceiveMessage} last succeeded, with or without
 * messages
 * @param stored messages whose findings were stored and which were then deleted
 * @param rejected messages refused by the findings intake (left on the queue for its
 * redrive policy), each counted once
 * @param lastError the last thing that went wrong (a receive, a delete, a refused or
 * failed message), without message content
 * @param lastErrorAt when it went wrong
 */
public record QueueStatus(@Nullable String queueUrl, boolean polling, @Nullable Instant lastReceiveAt, long stored,
		long rejected, @Nullable String lastError, @Nullable Instant lastErrorAt) {

	public boolean configured() {
		return queueUrl != null;
	}

}
