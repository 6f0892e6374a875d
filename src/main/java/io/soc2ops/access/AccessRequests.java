package io.soc2ops.access;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;

/**
 * Access requests [CC6.1-CC6.3]: an engineer asks for a permission set or an IAM policy
 * on some accounts, for a person, with a reason and an optional end; approvers who are
 * neither the requester nor that person decide (two for a privileged entitlement); the
 * approved access is written as cover and granted per account, by an operator who
 * confirms it or by soc2ops's own Identity Center call; at its end it expires, or is
 * revoked before, into removals. Every step is a ledger entry about
 * {@code access-request:<id>}. A refused step throws {@link AccessRefused} naming the
 * field or rule, and changes nothing.
 */
@Service
public class AccessRequests {

	static final int MOST_LISTED = 1000;

	private final AccessRequestIntake intake;

	private final ApprovalDesk approvals;

	private final GrantDesk grants;

	private final GrantRevocation revocations;

	private final AccessRequestStore store;

	private final AccessRequestNotices notices;

	private final AccessRequestLedger ledger;

	private final GrantInventory inventory;

	private final KnownAccounts accounts;

	private final ObjectProvider<IdentityCenterAssignments> assignments;

	AccessRequests(AccessRequestIntake intake, ApprovalDesk approvals, GrantDesk grants, GrantRevocation revocations,
			AccessRequestStore store, AccessRequestNotices notices, AccessRequestLedger ledger,
			GrantInventory inventory, KnownAccounts accounts, ObjectProvider<IdentityCenterAssignments> assignments) {
		this.intake = intake;
		this.approvals = approvals;
		this.grants = grants;
		this.revocations = revocations;
		this.store = store;
		this.notices = notices;
		this.ledger = ledger;
		this.inventory = inventory;
		this.accounts = accounts;
		this.assignments = assignments;
	}

	/**
	 * @throws AccessRefused naming the field that does not hold (unknown account or
	 * permission set, bad ticket URL, missing or over-long reason, an end in the past or
	 * over a year ahead), or a requester without a role that may ask
	 */
	@Transactional
	public AccessRequest request(AccessRequestDraft draft, Actor by) {
		long id = intake.take(draft, by);
		var request = require(id);
		ledger.record("access-request.requested", by, request, Map.of());
		notices.requested(request);
		return request;
	}

	/**
	 * One approver's approval; the one that completes the approvals needed approves the
	 * request.
	 * @throws AccessRefused when there is no such request, it is not pending, {@code by}
	 * is not an enabled approver, is its requester or the person it is for, or decided on
	 * it already
	 */
	@Transactional
	public AccessRequest approve(long id, @Nullable String note, Actor by) {
		approvals.approve(require(id), note, by);
		return require(id);
	}

	/**
	 * @throws AccessRefused as {@link #approve} does; a rejection needs a note
	 */
	@Transactional
	public AccessRequest reject(long id, @Nullable String note, Actor by) {
		approvals.reject(require(id), note, by);
		return require(id);
	}

	/**
	 * @throws AccessRefused unless its requester withdraws a pending request
	 */
	@Transactional
	public AccessRequest withdraw(long id, Actor by) {
		approvals.withdraw(require(id), by);
		return require(id);
	}

	/**
	 * An operator confirms they granted an approved request's account.
	 * @throws AccessRefused when the account is not waiting for a grant by hand (or
	 * failed), or {@code by} may not grant
	 */
	@Transactional
	public AccessRequest confirmGrant(long id, String account, @Nullable String note, Actor by) {
		grants.confirm(require(id), account, note, by);
		return require(id);
	}

	/**
	 * @throws AccessRefused unless the account's automatic grant FAILED
	 */
	@Transactional
	public AccessRequest retryGrant(long id, String account, Actor by) {
		grants.retry(require(id), account, by);
		return require(id);
	}

	/**
	 * Ends approved access now, with a reason: its cover ends, and each account's access
	 * is removed (by soc2ops's own Identity Center call where it manages assignments,
	 * else by an operator through a {@code REVOKED} removal).
	 * @throws AccessRefused when there is no such request, {@code by} may not revoke, the
	 * reason is missing or too long, or the request is not APPROVED
	 */
	@Transactional
	public AccessRequest revoke(long id, @Nullable String reason, Actor by) {
		revocations.revoke(require(id), reason, by);
		return require(id);
	}

	/** Whether the actor may revoke the request now. */
	@Transactional(readOnly = true)
	public boolean mayRevoke(AccessRequest request, Actor by) {
		return revocations.mayRevoke(request, by);
	}

	@Transactional(readOnly = true)
	public Optional<AccessRequest> find(long id) {
		return store.find(id, names());
	}

	/** Newest first, those matching the filter, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<AccessRequest> list(AccessRequestFilter filter, int limit) {
		return store.list(filter, Math.clamp(limit, 1, MOST_LISTED), names());
	}

	/**
	 * The newest requests, those the actor may decide on now first (oldest of them
	 * first).
	 */
	@Transactional(readOnly = true)
	public List<AccessRequest> forViewer(AccessRequestFilter filter, int limit, Actor viewer) {
		var all = list(filter, limit);
		var waiting = all.stream()
			.filter(request -> approvals.mayDecide(request, viewer))
			.sorted(Comparator.comparingLong(AccessRequest::id))
			.toList();
		return Stream.concat(waiting.stream(), all.stream().filter(request -> !waiting.contains(request))).toList();
	}

	/** Whether the actor may approve or reject the request now. */
	@Transactional(readOnly = true)
	public boolean mayDecide(AccessRequest request, Actor by) {
		return approvals.mayDecide(request, by);
	}

	/** The permission sets of the current Identity Center inventory. */
	@Transactional(readOnly = true)
	public List<AccessRequestPermissionSet> permissionSets() {
		return inventory.permissionSets();
	}

	/** The accounts access can be requested for. */
	public List<KnownAccount> accounts() {
		return accounts.all();
	}

	/** Whether soc2ops creates and deletes Identity Center assignments itself. */
	public boolean automaticGrants() {
		return assignments.getIfAvailable() != null;
	}

	private AccessRequest require(long id) {
		return store.find(id, names())
			.orElseThrow(() -> AccessRefused.notFound("access request " + id + " does not exist"));
	}

	private Function<String, Optional<String>> names() {
		Map<String, String> byId = accounts.all()
			.stream()
			.collect(Collectors.toMap(KnownAccount::id, KnownAccount::name, (a, b) -> a));
		return id -> Optional.ofNullable(byId.get(id));
	}

}
