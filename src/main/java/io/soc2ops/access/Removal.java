package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * Access that is to be removed, and whether it was: confirmed by a person or by soc2ops's
 * own call ({@code removedAt}), and seen gone by an inventory ({@code verifiedAt}).
 *
 * @param cause what asked for it: {@code request:12}, {@code review-item:345},
 * {@code offboarding:6}
 */
public record Removal(long id, RemovalReason reason, String cause, HoldingKind kind, PersonKey person, String accountId,
		String principal, String entitlement, String entitlementRef, String via, Instant openedAt, Instant dueAt,
		Optional<RemovalMethod> method, Optional<Instant> removedAt, Optional<String> removedBy, Optional<String> note,
		Optional<Instant> verifiedAt) {

	/** Removed, by a confirmation or by an inventory that no longer lists it. */
	public boolean done() {
		return removedAt.isPresent() || verifiedAt.isPresent();
	}

	/** When it was first known removed. */
	public Optional<Instant> doneAt() {
		if (removedAt.isPresent() && verifiedAt.isPresent()) {
			return Optional.of(removedAt.get().isBefore(verifiedAt.get()) ? removedAt.get() : verifiedAt.get());
		}
		return removedAt.isPresent() ? removedAt : verifiedAt;
	}

}
