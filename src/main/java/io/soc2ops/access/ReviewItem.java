package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * One frozen holding of a campaign, its reviewer and their decision.
 *
 * @param holdingId the {@code access_holding} line it was frozen from
 * @param reviewer the soc2ops username who decides; empty while unassigned
 * @param removalId the removal a revocation opened
 */
public record ReviewItem(long id, long campaignId, long holdingId, HoldingKind kind, String accountId, PersonKey person,
		String principal, String entitlement, String entitlementRef, String via, Instant firstSeen,
		Optional<String> reviewer, ReviewerSource reviewerSource, Optional<ReviewDecision> decision,
		Optional<String> comment, Optional<String> decidedBy, Optional<Instant> decidedAt, Optional<Long> removalId) {

	public boolean open() {
		return decision.isEmpty();
	}

	/** The holding as it was at the snapshot, for the removal a revocation opens. */
	public Holding holding() {
		return new Holding(holdingId, kind, accountId, person, principal, entitlement, entitlementRef, via, firstSeen,
				Optional.empty());
	}

}
