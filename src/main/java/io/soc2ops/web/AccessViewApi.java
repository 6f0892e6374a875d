package io.soc2ops.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.access.AccessReconciliation;
import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.AccessViewFilter;
import io.soc2ops.access.AccessViewPage;
import io.soc2ops.access.AccessViews;
import io.soc2ops.access.ReconciliationRun;
import io.soc2ops.access.Removal;
import io.soc2ops.access.UnapprovedAccess;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Who has access to what, and the access without approval: everyone reads them; ADMIN and
 * OPERATOR open the removal of unapproved access and reconcile on demand. Refusals are
 * problems: 400 naming the field, 404 for an unknown exception, 409 for a resolved one.
 */
@RestController
@RequestMapping("/api/v1/access")
@Tag(name = "Access")
class AccessViewApi {

	private final AccessViews views;

	private final AccessReconciliation reconciliation;

	AccessViewApi(AccessViews views, AccessReconciliation reconciliation) {
		this.views = views;
		this.reconciliation = reconciliation;
	}

	@GetMapping("/holdings")
	@Operation(summary = "Current holdings (who holds which permission set or IAM user in which account), unapproved"
			+ " ones first, each with the approved request behind it; filter by person, account, entitlement")
	AccessViewPage holdings(@RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String entitlement,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		return views.holdings(new AccessViewFilter(person, account, entitlement), offset, limit);
	}

	@GetMapping("/exceptions")
	@Operation(summary = "Open unapproved-access exceptions, the longest open first")
	Exceptions exceptions(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		return new Exceptions(reconciliation.openCount(), reconciliation.openExceptions(offset, limit));
	}

	@GetMapping("/exceptions/{id}")
	@Operation(summary = "One unapproved-access exception, open or resolved")
	UnapprovedAccess exception(@PathVariable String id) {
		return reconciliation.exception(id(id)).orElseThrow(() -> NotFound.of("no unapproved-access exception " + id));
	}

	@PostMapping("/exceptions/{id}/removal")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open the removal of an open exception's access (ADMIN, OPERATOR); the one opened already"
			+ " when there is one")
	Removal openRemoval(@PathVariable String id, Authentication authentication) {
		return reconciliation.openRemoval(id(id), Actor.user(authentication.getName()));
	}

	@GetMapping("/unapproved-at")
	@Operation(summary = "Replay a past moment: the holdings held then without an approved request valid then, by ID"
			+ " after 'after' (for auditors)")
	AccessReconciliation.UncoveredAt unapprovedAt(@RequestParam String moment,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		try {
			return reconciliation.asOf(Instant.parse(moment), after, limit);
		}
		catch (DateTimeParseException ex) {
			throw AccessRefused
				.invalid("moment: an ISO-8601 instant such as 2026-10-01T00:00:00Z, not '" + moment + "'");
		}
	}

	@PostMapping("/reconciliations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reconcile holdings against approvals now (ADMIN, OPERATOR)")
	ReconciliationRun reconcile(Authentication authentication) {
		return reconciliation.reconcile(Actor.user(authentication.getName()).toString());
	}

	static long id(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw NotFound.of("no unapproved-access exception " + id);
		}
	}

	/**
	 * @param open how many are open in all
	 */
	record Exceptions(long open, List<UnapprovedAccess> exceptions) {
	}

}
