package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * One approver's decision on an access request.
 *
 * @param approver the actor, as {@code user:alice}
 */
public record Approval(String approver, Decision decision, Optional<String> note, Instant at) {

	public enum Decision {

		APPROVED, REJECTED

	}

}
