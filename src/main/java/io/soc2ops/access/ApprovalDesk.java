package io.soc2ops.access;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * Approvers' decisions: an APPROVER who is enabled, neither the requester nor the person
 * the access is for, and has not decided yet approves or rejects. The decision that
 * completes the approvals needed (two distinct approvers for a privileged entitlement)
 * approves the request: its cover is written and each account waits for its grant. A
 * rejection by any approver ends the request. Concurrent decisions on one request take
 * turns ({@link AccessRequestStore#takeTurn}), so exactly one approval is decisive.
 */
@Component
class ApprovalDesk {

	static final int MAX_NOTE = 2000;

	private final AccessRequestStore store;

	private final AccessRequestPeople people;

	private final AccessRequestLedger ledger;

	private final ObjectProvider<IdentityCenterAssignments> assignments;

	private final Clock clock;

	ApprovalDesk(AccessRequestStore store, AccessRequestPeople people, AccessRequestLedger ledger,
			ObjectProvider<IdentityCenterAssignments> assignments, Clock clock) {
		this.store = store;
		this.people = people;
		this.ledger = ledger;
		this.assignments = assignments;
		this.clock = clock;
	}

	/** Whether the actor may decide on the request now. */
	boolean mayDecide(AccessRequest request, Actor by) {
		return request.state() == AccessRequestState.PENDING && by.kind() == Actor.Kind.USER
				&& !request.requestedBy().equals(by.toString()) && !people.is(by, request.person())
				&& !request.decidedBy(by.toString()) && people.may(by, Capability.DECIDE_ACCESS_REQUESTS);
	}

	void approve(AccessRequest request, @Nullable String note, Actor by) {
		decidable(request, by);
		String text = note(note, false);
		store.insertDecision(request.id(), by.toString(), Approval.Decision.APPROVED, text, clock.instant());
		long approvals = store.approvals(request.id());
		Instant now = clock.instant();
		boolean decisive = approvals >= request.approvalsNeeded();
		var step = new LinkedHashMap<String, Object>();
		step.put("approvals", approvals);
		step.put("decisive", decisive);
		if (text != null) {
			step.put("note", text);
		}
		if (!decisive) {
			ledger.record("access-request.approved", by, reread(request), step);
			return;
		}
		store.move(request.id(), AccessRequestState.PENDING, AccessRequestState.APPROVED, now);
		boolean automatic = request.kind() == AccessRequestKind.PERMISSION_SET && assignments.getIfAvailable() != null;
		store.toGrant(request.id(), automatic, now);
		var approved = reread(request);
		store.cover(approved, now);
		step.put("grant", automatic ? GrantMethod.IDENTITY_CENTER.name() : GrantMethod.OPERATOR.name());
		ledger.record("access-request.approved", by, approved, step);
	}

	void reject(AccessRequest request, @Nullable String note, Actor by) {
		decidable(request, by);
		String text = note(note, true);
		Instant now = clock.instant();
		store.insertDecision(request.id(), by.toString(), Approval.Decision.REJECTED, text, now);
		store.move(request.id(), AccessRequestState.PENDING, AccessRequestState.REJECTED, now);
		ledger.record("access-request.rejected", by, reread(request), Map.of("note", text));
	}

	void withdraw(AccessRequest request, Actor by) {
		if (!request.requestedBy().equals(by.toString())) {
			throw AccessRefused.forbidden(by.name() + " did not request access request " + request.id()
					+ "; only its requester withdraws it");
		}
		if (request.state() != AccessRequestState.PENDING || !store.takeTurn(request.id())) {
			throw AccessRefused.conflict("access request " + request.id() + " is " + current(request).state()
					+ "; only a PENDING request can be withdrawn");
		}
		store.move(request.id(), AccessRequestState.PENDING, AccessRequestState.WITHDRAWN, clock.instant());
		ledger.record("access-request.withdrawn", by, reread(request), Map.of());
	}

	/**
	 * Checks who decides, then takes the request's turn and checks, within it, that the
	 * request still waits and the approver has not decided yet.
	 */
	private void decidable(AccessRequest request, Actor by) {
		if (request.state() != AccessRequestState.PENDING) {
			throw AccessRefused.conflict("access request " + request.id() + " is " + request.state()
					+ "; only a PENDING request can be approved or rejected");
		}
		people.require(by, Capability.DECIDE_ACCESS_REQUESTS, "approve or reject access requests");
		if (request.requestedBy().equals(by.toString())) {
			throw AccessRefused.forbidden(by.name() + " requested access request " + request.id()
					+ " and may not decide on it: an approver never approves their own request");
		}
		if (people.is(by, request.person())) {
			throw AccessRefused.forbidden("access request " + request.id() + " is for " + request.person() + ", who is "
					+ by.name() + ": nobody decides on access for themselves");
		}
		if (!store.takeTurn(request.id())) {
			throw AccessRefused.conflict(
					"access request " + request.id() + " was decided meanwhile: it is " + current(request).state());
		}
		if (store.hasDecided(request.id(), by.toString())) {
			throw AccessRefused.conflict(by.name() + " has already decided on access request " + request.id()
					+ "; a second approval must come from another approver");
		}
	}

	private static @Nullable String note(@Nullable String note, boolean required) {
		if (note == null || note.isBlank()) {
			if (required) {
				throw AccessRefused.invalid("note: is required: say why the request is rejected");
			}
			return null;
		}
		if (note.length() > MAX_NOTE) {
			throw AccessRefused.invalid("note: is " + note.length() + " characters; at most " + MAX_NOTE);
		}
		if (note.indexOf('\0') >= 0) {
			throw AccessRefused.invalid("note: holds a NUL character, which cannot be stored");
		}
		return note.strip();
	}

	private AccessRequest reread(AccessRequest request) {
		return current(request);
	}

	private AccessRequest current(AccessRequest request) {
		return store.find(request.id(), account -> java.util.Optional.empty()).orElseThrow();
	}

}
