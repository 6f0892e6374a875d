package io.soc2ops.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.AccessRequest;
import io.soc2ops.access.AccessRequestDraft;
import io.soc2ops.access.AccessRequestKind;
import io.soc2ops.access.AccessRequestState;
import io.soc2ops.access.AccessRequests;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Capability;

/**
 * Access request pages: the list (what the viewer may decide on first), the form that
 * asks for access, and each request with its timeline from the ledger, its approvals and
 * the grant of each account, with the buttons the viewer may use. The module decides who
 * may do what and says why not.
 */
@Controller
class AccessRequestsController {

	static final int LIST_LIMIT = 200;

	private final AccessRequests requests;

	private final EvidenceLedger ledger;

	private final Clock clock;

	AccessRequestsController(AccessRequests requests, EvidenceLedger ledger, Clock clock) {
		this.requests = requests;
		this.ledger = ledger;
		this.clock = clock;
	}

	@GetMapping("/access/requests")
	String list(@RequestParam(required = false) @Nullable String state, Authentication authentication, Model model,
			HttpServletResponse response) {
		@Nullable AccessRequestState chosen = null;
		try {
			chosen = AccessRequestsApi.state(state);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		var me = Actor.user(authentication.getName());
		model.addAttribute("state", chosen == null ? "all" : chosen.name());
		model.addAttribute("states", AccessRequestState.values());
		model.addAttribute("rows",
				requests
					.forViewer(AccessRequestsApi.filter(chosen == null ? null : chosen.name(), null, null, null),
							LIST_LIMIT, me)
					.stream()
					.map(r -> new Row(r, requests.mayDecide(r, me)))
					.toList());
		model.addAttribute("limit", LIST_LIMIT);
		model.addAttribute("mayRequest", Capability.REQUEST_ACCESS.allows(authentication));
		return "access-requests";
	}

	@GetMapping("/access/requests/new")
	String form(Authentication authentication, Model model) {
		return form(Form.empty(), authentication, model);
	}

	@PostMapping("/access/requests")
	String request(Form form, @RequestParam(name = "accounts", required = false) @Nullable List<String> accounts,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var requested = requests
				.request(new AccessRequestDraft(form.person(), form.requestKind(), form.entitlement(),
						accounts == null ? List.of() : accounts, form.reason(), form.untilInstant(), form.ticketUrl()),
						Actor.user(authentication.getName()));
			redirect.addFlashAttribute("done", "requested");
			return "redirect:/access/requests/" + requested.id();
		}
		catch (AccessRefused ex) {
			response.setStatus(status(ex));
			model.addAttribute("problem", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		model.addAttribute("picked", accounts == null ? List.of() : accounts);
		return form(form, authentication, model);
	}

	@GetMapping("/access/requests/{id}")
	String one(@PathVariable String id, Authentication authentication, Model model) {
		var request = requests.find(AccessRequestsApi.id(id))
			.orElseThrow(() -> NotFound.of("no access request " + QueryParameters.shown(id)));
		var me = Actor.user(authentication.getName());
		model.addAttribute("r", request);
		model.addAttribute("mayDecide", requests.mayDecide(request, me));
		model.addAttribute("mine", request.requestedBy().equals(me.toString()));
		model.addAttribute("mayWithdraw",
				request.requestedBy().equals(me.toString()) && request.state() == AccessRequestState.PENDING);
		model.addAttribute("mayGrant",
				Capability.GRANT_ACCESS.allows(authentication) && request.state() == AccessRequestState.APPROVED);
		model.addAttribute("mayRevoke", requests.mayRevoke(request, me));
		model.addAttribute("automatic", requests.automaticGrants());
		model.addAttribute("timeline", ledger.about(request.subject(), 200).reversed());
		return "access-request";
	}

	@PostMapping("/access/requests/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(defaultValue = "") String note, Authentication authentication,
			RedirectAttributes redirect) {
		return done(id, "approved", redirect,
				() -> requests.approve(AccessRequestsApi.id(id), note, Actor.user(authentication.getName())));
	}

	@PostMapping("/access/requests/{id}/reject")
	String reject(@PathVariable String id, @RequestParam(defaultValue = "") String note, Authentication authentication,
			RedirectAttributes redirect) {
		return done(id, "rejected", redirect,
				() -> requests.reject(AccessRequestsApi.id(id), note, Actor.user(authentication.getName())));
	}

	@PostMapping("/access/requests/{id}/withdraw")
	String withdraw(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		return done(id, "withdrawn", redirect,
				() -> requests.withdraw(AccessRequestsApi.id(id), Actor.user(authentication.getName())));
	}

	@PostMapping("/access/requests/{id}/accounts/{account}/grant")
	String grant(@PathVariable String id, @PathVariable String account, @RequestParam(defaultValue = "") String note,
			Authentication authentication, RedirectAttributes redirect) {
		return done(id, "granted", redirect, () -> requests.confirmGrant(AccessRequestsApi.id(id), account, note,
				Actor.user(authentication.getName())));
	}

	@PostMapping("/access/requests/{id}/accounts/{account}/retry")
	String retry(@PathVariable String id, @PathVariable String account, Authentication authentication,
			RedirectAttributes redirect) {
		return done(id, "retried", redirect,
				() -> requests.retryGrant(AccessRequestsApi.id(id), account, Actor.user(authentication.getName())));
	}

	@PostMapping("/access/requests/{id}/revoke")
	String revoke(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			Authentication authentication, RedirectAttributes redirect) {
		return done(id, "revoked", redirect,
				() -> requests.revoke(AccessRequestsApi.id(id), reason, Actor.user(authentication.getName())));
	}

	private String done(String id, String what, RedirectAttributes redirect, Supplier<AccessRequest> step) {
		try {
			step.get();
			redirect.addFlashAttribute("done", what);
		}
		catch (AccessRefused ex) {
			if (ex.reason() == AccessRefused.Reason.NOT_FOUND) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/access/requests/" + AccessRequestsApi.id(id);
	}

	private String form(Form form, Authentication authentication, Model model) {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		model.addAttribute("form", form);
		model.addAttribute("accounts", requests.accounts());
		model.addAttribute("permissionSets", requests.permissionSets());
		model.addAttribute("mayRequest", Capability.REQUEST_ACCESS.allows(authentication));
		model.addAttribute("earliest", today);
		model.addAttribute("latest", today.plusDays(364));
		if (!model.containsAttribute("picked")) {
			model.addAttribute("picked", List.of());
		}
		return "access-request-new";
	}

	private static int status(AccessRefused ex) {
		return switch (ex.reason()) {
			case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
			case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
			case CONFLICT -> HttpServletResponse.SC_CONFLICT;
			case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
		};
	}

	/** A request on the list, and whether the viewer may decide on it. */
	record Row(AccessRequest request, boolean mayDecide) {
	}

	/**
	 * The form as typed.
	 *
	 * @param until the last day of access (UTC), blank: until revoked
	 */
	record Form(@Nullable String person, @Nullable String kind, @Nullable String entitlement, @Nullable String reason,
			@Nullable String until, @Nullable String ticketUrl) {

		static Form empty() {
			return new Form("", "PERMISSION_SET", "", "", "", "");
		}

		@Nullable AccessRequestKind requestKind() {
			if (kind == null || kind.isBlank()) {
				return null;
			}
			try {
				return AccessRequestKind.valueOf(kind.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("kind: must be PERMISSION_SET or IAM_POLICY", ex);
			}
		}

		/** The end of the last day, or null. */
		@Nullable Instant untilInstant() {
			if (until == null || until.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(until.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"until: must be a date like 2026-12-31 but was '" + QueryParameters.shown(until) + "'", ex);
			}
		}

	}

}
