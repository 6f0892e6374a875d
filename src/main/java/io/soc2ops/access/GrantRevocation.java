package io.soc2ops.access;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * The revocation of approved access before its end, with a reason, by someone who may
 * revoke: taken by the same conditional move from APPROVED as an expiry (so only one of
 * them ends a request), it ends the cover now and removes each account's access as
 * {@link GrantEnding} says (reason {@code REVOKED}, due within {@code expiry-grace}).
 */
@Component
class GrantRevocation {

	static final int MAX_REASON = 2000;

	private final AccessRequestStore requests;

	private final GrantEnding ending;

	private final AccessRequestPeople people;

	private final AccessRequestLedger ledger;

	private final AccessRequestSettings settings;

	private final Clock clock;

	GrantRevocation(AccessRequestStore requests, GrantEnding ending, AccessRequestPeople people,
			AccessRequestLedger ledger, AccessRequestSettings settings, Clock clock) {
		this.requests = requests;
		this.ending = ending;
		this.people = people;
		this.ledger = ledger;
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether the actor may revoke the request now. */
	boolean mayRevoke(AccessRequest request, Actor by) {
		return request.state() == AccessRequestState.APPROVED && by.kind() == Actor.Kind.USER
				&& people.may(by, Capability.REVOKE_ACCESS);
	}

	void revoke(AccessRequest request, @Nullable String reason, Actor by) {
		people.require(by, Capability.REVOKE_ACCESS, "revoke access");
		if (request.state() != AccessRequestState.APPROVED) {
			throw notApproved(request.id(), request.state());
		}
		String text = reason(reason);
		Instant now = clock.instant();
		if (!requests.move(request.id(), AccessRequestState.APPROVED, AccessRequestState.REVOKED, now)) {
			throw notApproved(request.id(), current(request.id()).state());
		}
		var ended = ending.end(request, RemovalReason.REVOKED, now, now.plus(settings.requests().expiryGrace()));
		var step = new LinkedHashMap<String, Object>();
		step.put("revocationReason", text);
		step.put("revokedAt", now.toString());
		step.put("ended", ended);
		step.put("removedBy",
				ending.automatic(request) ? RemovalMethod.IDENTITY_CENTER.name() : RemovalMethod.OPERATOR.name());
		ledger.record("access-request.revoked", by, current(request.id()), step);
	}

	private AccessRequest current(long id) {
		return requests.find(id, account -> Optional.empty()).orElseThrow();
	}

	private static AccessRefused notApproved(long id, AccessRequestState state) {
		return AccessRefused
			.conflict("access request " + id + " is " + state + "; only an APPROVED request (in force) can be revoked");
	}

	private static String reason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw AccessRefused.invalid("reason: is required: say why the access is revoked");
		}
		if (reason.length() > MAX_REASON) {
			throw AccessRefused.invalid("reason: is " + reason.length() + " characters; at most " + MAX_REASON);
		}
		if (reason.indexOf('\0') >= 0) {
			throw AccessRefused.invalid("reason: holds a NUL character, which cannot be stored");
		}
		return reason.strip();
	}

}
