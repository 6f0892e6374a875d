package io.soc2ops.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.access.AccessRequest;
import io.soc2ops.access.AccessRequestDraft;
import io.soc2ops.access.AccessRequestFilter;
import io.soc2ops.access.AccessRequestKind;
import io.soc2ops.access.AccessRequestState;
import io.soc2ops.access.AccessRequests;
import io.soc2ops.access.PersonKey;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Access requests: everyone reads them; ADMIN, OPERATOR, ENGINEER and APPROVER request
 * access (and withdraw their own request); an APPROVER who is neither the requester nor
 * the person decides; ADMIN and OPERATOR confirm grants and retry failed automatic ones;
 * ADMIN, OPERATOR and APPROVER revoke approved access. Refusals are problems
 * ({@code ApiProblems}): 400 naming the field, 403, 404, 409.
 */
@RestController
@RequestMapping("/api/v1/access/requests")
@Tag(name = "Access")
class AccessRequestsApi {

	private final AccessRequests requests;

	AccessRequestsApi(AccessRequests requests) {
		this.requests = requests;
	}

	@GetMapping
	@Operation(summary = "Access requests, newest first; filter by state (PENDING, APPROVED, REJECTED, WITHDRAWN,"
			+ " EXPIRED, REVOKED), person, account, requestedBy (user:name)")
	List<AccessRequest> list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String person,
			@RequestParam(required = false) @Nullable String account,
			@RequestParam(required = false) @Nullable String requestedBy,
			@RequestParam(defaultValue = "100") int limit) {
		return requests.list(filter(state, person, account, requestedBy), limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One access request, with its approvals and the grant of each account")
	AccessRequest one(@PathVariable String id) {
		return requests.find(id(id)).orElseThrow(() -> NotFound.of("no access request " + id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request access: kind (PERMISSION_SET or IAM_POLICY), entitlement (permission set name,"
			+ " or IAM policy name or ARN), accounts and reason are required; person defaults to the caller's own;"
			+ " until (at most 365 days ahead; none: until revoked) and ticketUrl (https) are optional")
	AccessRequest request(@RequestBody NewRequest body, Authentication authentication) {
		return requests.request(body.draft(), Actor.user(authentication.getName()));
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve (APPROVER; neither the requester nor the person it is for; once per approver)")
	AccessRequest approve(@PathVariable String id, @RequestBody(required = false) @Nullable Note note,
			Authentication authentication) {
		return requests.approve(id(id), note == null ? null : note.note(), Actor.user(authentication.getName()));
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject, with a note (APPROVER; neither the requester nor the person it is for)")
	AccessRequest reject(@PathVariable String id, @RequestBody(required = false) @Nullable Note note,
			Authentication authentication) {
		return requests.reject(id(id), note == null ? null : note.note(), Actor.user(authentication.getName()));
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw one's own pending request")
	AccessRequest withdraw(@PathVariable String id, Authentication authentication) {
		return requests.withdraw(id(id), Actor.user(authentication.getName()));
	}

	@PostMapping("/{id}/accounts/{account}/grant")
	@Operation(summary = "Confirm the access was granted on the account by hand (ADMIN, OPERATOR)")
	AccessRequest grant(@PathVariable String id, @PathVariable String account,
			@RequestBody(required = false) @Nullable Note note, Authentication authentication) {
		return requests.confirmGrant(id(id), account, note == null ? null : note.note(),
				Actor.user(authentication.getName()));
	}

	@PostMapping("/{id}/accounts/{account}/retry")
	@Operation(summary = "Have soc2ops try a failed automatic grant again (ADMIN, OPERATOR)")
	AccessRequest retry(@PathVariable String id, @PathVariable String account, Authentication authentication) {
		return requests.retryGrant(id(id), account, Actor.user(authentication.getName()));
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke approved access before its end, with a reason (ADMIN, OPERATOR, APPROVER): its cover"
			+ " ends now and each account's access is removed (by soc2ops where it manages Identity Center"
			+ " assignments, else through a removal for an operator)")
	AccessRequest revoke(@PathVariable String id, @RequestBody(required = false) @Nullable Revocation body,
			Authentication authentication) {
		return requests.revoke(id(id), body == null ? null : body.reason(), Actor.user(authentication.getName()));
	}

	static long id(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw NotFound.of("no access request " + QueryParameters.shown(text));
		}
	}

	static AccessRequestFilter filter(@Nullable String state, @Nullable String person, @Nullable String account,
			@Nullable String requestedBy) {
		return new AccessRequestFilter(state(state), blank(person) ? null : personKey(person),
				blank(account) ? null : account.strip(), blank(requestedBy) ? null : requestedBy.strip());
	}

	static @Nullable AccessRequestState state(@Nullable String text) {
		if (blank(text) || text.strip().equalsIgnoreCase("all")) {
			return null;
		}
		try {
			return AccessRequestState.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("state: '" + QueryParameters.shown(text) + "' is not one of "
					+ List.of(AccessRequestState.values()), ex);
		}
	}

	private static PersonKey personKey(String text) {
		try {
			return new PersonKey(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("person: " + ex.getMessage(), ex);
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	/** A request as sent; {@code AccessRequests} names any part that does not hold. */
	record NewRequest(@Nullable String person, @Nullable AccessRequestKind kind, @Nullable String entitlement,
			@Nullable List<String> accounts, @Nullable String reason, @Nullable Instant until,
			@Nullable String ticketUrl) {

		AccessRequestDraft draft() {
			return new AccessRequestDraft(person, kind, entitlement,
					accounts == null ? List.of() : accounts.stream().map(a -> a == null ? "" : a).toList(), reason,
					until, ticketUrl);
		}

	}

	/** Why access is revoked. */
	record Revocation(@Nullable String reason) {
	}

	/** A decision's or a grant's note. */
	record Note(@Nullable String note) {
	}

}
