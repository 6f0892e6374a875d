package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of who has access to what: a current holding with the approval behind it, or
 * the open unapproved-access exception it is.
 */
public record AccessViewLine(Holding holding, Optional<Approval> approval, Optional<Long> exceptionId) {

	public boolean unapproved() {
		return exceptionId.isPresent();
	}

	/**
	 * The approved request whose cover allows the holding now.
	 *
	 * @param validUntil empty: until revoked
	 */
	public record Approval(long requestId, Instant validFrom, Optional<Instant> validUntil) {
	}

}
