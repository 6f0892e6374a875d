package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A review campaign: the access of its scope frozen at {@code snapshotAt}, to be reviewed
 * by {@code dueAt}.
 *
 * @param digest SHA-256 (hex) over the frozen items, in holding order
 * @param state where it stands now
 */
public record ReviewCampaign(long id, String name, ReviewScope scope, Instant snapshotAt, Instant dueAt,
		Instant createdAt, String createdBy, int itemCount, String digest, int kept, int revoked,
		Optional<Instant> completedAt, State state) {

	/** Where a campaign stands. */
	public enum State {

		/** Items wait for decisions, and the due time has not passed. */
		OPEN,

		/** Items wait for decisions past the due time. */
		OVERDUE,

		/** Every item was decided. */
		COMPLETED

	}

	public int decided() {
		return kept + revoked;
	}

	public int open() {
		return itemCount - decided();
	}

	/** Decided items per 100, rounded down. */
	public int percentDone() {
		return itemCount == 0 ? 100 : (int) (100L * decided() / itemCount);
	}

	public String subject() {
		return "access-review-campaign:" + id;
	}

}
