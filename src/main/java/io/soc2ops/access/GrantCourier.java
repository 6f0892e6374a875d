package io.soc2ops.access;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * soc2ops's own Identity Center calls, where an {@link IdentityCenterAssignments} is
 * configured: the assignment of each approved account ({@code CreateAccountAssignment}),
 * and the deletion of each expired one ({@code DeleteAccountAssignment}). The rows that
 * ask for them are written in the approving or expiring transaction, so a crash delays a
 * call, never loses it; each is claimed before its call (made outside any transaction),
 * so two instances never make one at once. AWS's own failure marks a grant FAILED for an
 * operator to retry or grant by hand, and leaves an expiry's removal open for an
 * operator; a call that throws, or that AWS leaves unsettled (throttled, a server error,
 * no answer), is tried again after a backoff, up to {@code grant-tries}.
 */
@Component
class GrantCourier {

	private static final Logger log = LoggerFactory.getLogger(GrantCourier.class);

	static final Duration LEASE = Duration.ofMinutes(10);

	static final int BATCH = 100;

	private final GrantStore grants;

	private final AccessRequestStore requests;

	private final GrantInventory inventory;

	private final AccessRemovals removals;

	private final AccessRequestLedger ledger;

	private final AccessRequestSettings settings;

	private final ObjectProvider<IdentityCenterAssignments> assignments;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GrantCourier(GrantStore grants, AccessRequestStore requests, GrantInventory inventory, AccessRemovals removals,
			AccessRequestLedger ledger, AccessRequestSettings settings,
			ObjectProvider<IdentityCenterAssignments> assignments, TransactionTemplate transactions, Clock clock) {
		this.grants = grants;
		this.requests = requests;
		this.inventory = inventory;
		this.removals = removals;
		this.ledger = ledger;
		this.settings = settings;
		this.assignments = assignments;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Makes the grants and deletions due; @return how many calls were made. */
	int sweep() {
		var identityCenter = assignments.getIfAvailable();
		if (identityCenter == null) {
			return 0;
		}
		int calls = 0;
		for (var line : grants.dueGrants(clock.instant(), BATCH)) {
			calls += call(identityCenter, line, false) ? 1 : 0;
		}
		for (var line : grants.dueDeletes(clock.instant(), BATCH)) {
			calls += call(identityCenter, line, true) ? 1 : 0;
		}
		return calls;
	}

	private boolean call(IdentityCenterAssignments identityCenter, GrantStore.Line line, boolean delete) {
		var now = clock.instant();
		String claim = UUID.randomUUID().toString();
		if (!grants.claim(line, delete, claim, now, now.plus(LEASE))) {
			return false;
		}
		var request = requests.find(line.requestId(), account -> Optional.empty()).orElseThrow();
		AssignmentOutcome outcome;
		try {
			var target = inventory.target(request.entitlementRef(), request.person(), line.accountId());
			outcome = delete ? identityCenter.delete(target) : identityCenter.create(target);
		}
		catch (IllegalStateException ex) {
			outcome = new AssignmentOutcome.Failed(ex.getMessage());
		}
		catch (RuntimeException ex) {
			// its message may name more than it should: the class is enough to go on
			log.warn("Identity Center {} for access request {} account {} failed: {}", delete ? "delete" : "create",
					line.requestId(), line.accountId(), ex.getClass().getName());
			outcome = new AssignmentOutcome.Unsettled("the call failed: " + ex.getClass().getSimpleName());
		}
		if (outcome instanceof AssignmentOutcome.Unsettled(String reason)) {
			int attempts = grants.attempts(line) + 1;
			if (attempts < settings.requests().grantTries()) {
				grants.later(line, claim, reason, clock.instant().plus(settings.requests().backoff(attempts)));
				return true;
			}
			outcome = new AssignmentOutcome.Failed(reason + ", " + attempts + " times");
		}
		var result = outcome;
		transactions.executeWithoutResult(status -> {
			if (delete) {
				deleted(request, line, claim, result);
			}
			else {
				granted(request, line, claim, result);
			}
		});
		return true;
	}

	private void granted(AccessRequest request, GrantStore.Line line, String claim, AssignmentOutcome outcome) {
		var step = new LinkedHashMap<String, Object>();
		step.put("account", line.accountId());
		step.put("method", GrantMethod.IDENTITY_CENTER.name());
		switch (outcome) {
			case AssignmentOutcome.Done done -> {
				step.put("awsRequestId", done.requestId());
				if (grants.granted(line, EnumSet.of(GrantState.GRANTING), claim, GrantMethod.IDENTITY_CENTER,
						AccessRequestLedger.ACTOR.toString(), null, done.requestId(), clock.instant())) {
					ledger.record("access-request.granted", AccessRequestLedger.ACTOR, request, step);
				}
				else if (grants.release(line, claim)) {
					// the access ended while AWS created it: the delete waited for this
					ledger.record("access-request.granted-after-end", AccessRequestLedger.ACTOR,
							requests.find(request.id(), account -> Optional.empty()).orElseThrow(), step);
				}
			}
			case AssignmentOutcome.Failed failed -> grantFailed(request, line, claim, failed.reason(), step);
			case AssignmentOutcome.Unsettled unsettled -> grantFailed(request, line, claim, unsettled.reason(), step);
		}
	}

	private void grantFailed(AccessRequest request, GrantStore.Line line, String claim, String reason,
			Map<String, Object> step) {
		if (grants.failed(line, claim, reason)) {
			step.put("failure", reason);
			ledger.record("access-request.grant-failed", AccessRequestLedger.ACTOR, request, step);
		}
		else {
			grants.release(line, claim);
		}
	}

	private void deleted(AccessRequest request, GrantStore.Line line, String claim, AssignmentOutcome outcome) {
		if (!grants.deleted(line, claim)) {
			return;
		}
		var removal = request.grants()
			.stream()
			.filter(g -> g.accountId().equals(line.accountId()))
			.findFirst()
			.flatMap(Grant::removalId);
		var step = new LinkedHashMap<String, Object>();
		step.put("account", line.accountId());
		removal.ifPresent(id -> step.put("removal", id));
		switch (outcome) {
			case AssignmentOutcome.Done done -> {
				step.put("awsRequestId", done.requestId());
				removal.ifPresent(id -> confirm(id, done));
				ledger.record("access-request.assignment-deleted", AccessRequestLedger.ACTOR, request, step);
			}
			case AssignmentOutcome.Failed failed -> {
				step.put("failure", failed.reason());
				ledger.record("access-request.delete-failed", AccessRequestLedger.ACTOR, request, step);
			}
			case AssignmentOutcome.Unsettled unsettled -> {
				step.put("failure", unsettled.reason());
				ledger.record("access-request.delete-failed", AccessRequestLedger.ACTOR, request, step);
			}
		}
	}

	private void confirm(long removal, AssignmentOutcome.Done done) {
		if (removals.find(removal).map(Removal::done).orElse(true)) {
			return;
		}
		removals.confirm(removal, RemovalMethod.IDENTITY_CENTER, AccessRequestLedger.ACTOR,
				"DeleteAccountAssignment " + done.requestId());
	}

}
