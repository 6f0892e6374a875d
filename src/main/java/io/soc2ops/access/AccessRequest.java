package io.soc2ops.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An access request: for a person, asked by a soc2ops user, for a permission set or an
 * IAM policy on some accounts, with a reason and an optional end; decided by approvers
 * who are neither the requester nor the person (two distinct ones for a privileged
 * permission set); granted per account.
 *
 * @param requestedBy the actor, as {@code user:erin}
 * @param entitlementRef the permission set's ARN, or the IAM policy as asked
 * @param until when the access ends; empty: until revoked
 */
public record AccessRequest(long id, PersonKey person, String requestedBy, AccessRequestKind kind, String entitlement,
		String entitlementRef, boolean privileged, int approvalsNeeded, String reason, Optional<Instant> until,
		Optional<AccessTicket> ticket, AccessRequestState state, Instant requestedAt, Optional<Instant> decidedAt,
		Optional<Instant> endedAt, List<Approval> approvals, List<Grant> grants) {

	public AccessRequest {
		approvals = List.copyOf(approvals);
		grants = List.copyOf(grants);
	}

	/** The ledger's subject for it. */
	public String subject() {
		return "access-request:" + id;
	}

	/** How many approvers approved it so far. */
	public long approved() {
		return approvals.stream().filter(a -> a.decision() == Approval.Decision.APPROVED).count();
	}

	/** Whether this actor ({@code user:alice}) has decided on it. */
	public boolean decidedBy(String actor) {
		return approvals.stream().anyMatch(a -> a.approver().equals(actor));
	}

	/** The accounts' IDs. */
	public List<String> accountIds() {
		return grants.stream().map(Grant::accountId).toList();
	}

}
