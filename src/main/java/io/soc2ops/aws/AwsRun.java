package io.soc2ops.aws;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.soc2ops.evidence.Actor;

/**
 * A connection check or a collection started in this process: who started it, how many
 * account-Regions are done, and how it ended.
 *
 * @param total account-Regions in scope; 0 until the accounts are listed
 * @param finishedAt absent while it runs
 * @param failure why it stopped before working through the accounts (AWS disabled, an
 * unexpected error); absent when it ran through
 */
public record AwsRun(Kind kind, Actor startedBy, Instant startedAt, int done, int total, @Nullable Instant finishedAt,
		@Nullable String failure) {

	public enum Kind {

		CONNECTION_CHECK, COLLECTION

	}

	public boolean running() {
		return finishedAt == null;
	}

	/** Per cent of the account-Regions done, 0 while the accounts are being listed. */
	public int percent() {
		return total == 0 ? 0 : (int) (done * 100L / total);
	}

}
