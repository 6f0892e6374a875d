package io.soc2ops.access;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a requester asks for; {@link AccessRequests#request} checks every part and names
 * the one that does not hold.
 *
 * @param person the person key the access is for; null: the requester's own person
 * @param entitlement the permission set's name, or the IAM policy's name or ARN
 * @param accounts the account IDs
 * @param until when the access ends; null: until revoked
 * @param ticketUrl a link to an external ticket (https), or null
 */
public record AccessRequestDraft(@Nullable String person, @Nullable AccessRequestKind kind,
		@Nullable String entitlement, List<String> accounts, @Nullable String reason, @Nullable Instant until,
		@Nullable String ticketUrl) {

	public AccessRequestDraft {
		accounts = List.copyOf(accounts);
	}

}
