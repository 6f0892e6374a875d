package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of who holds what where, for the period it was seen.
 *
 * @param principal the Identity Center or IAM user name as AWS spells it
 * @param entitlement the permission set's name, or
 * {@link HoldingKind#IAM_USER_ENTITLEMENT}
 * @param entitlementRef the permission set's ARN, or the IAM user's ARN
 * @param via empty when held directly, else the Identity Center group it comes through
 * @param goneAt when an inventory first no longer listed it
 */
public record Holding(long id, HoldingKind kind, String accountId, PersonKey person, String principal,
		String entitlement, String entitlementRef, String via, Instant firstSeen, Optional<Instant> goneAt) {

	/** Whether it existed at that moment. */
	public boolean heldAt(Instant moment) {
		return !firstSeen.isAfter(moment) && goneAt.map(gone -> gone.isAfter(moment)).orElse(true);
	}

}
