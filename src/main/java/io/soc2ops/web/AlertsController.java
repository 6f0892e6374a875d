package io.soc2ops.web;

import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.alerting.AccountNames;
import io.soc2ops.alerting.AlertCases;
import io.soc2ops.alerting.CaseAction;
import io.soc2ops.alerting.CaseChange;
import io.soc2ops.alerting.CaseFilter;
import io.soc2ops.alerting.CaseRefused;
import io.soc2ops.alerting.CaseState;
import io.soc2ops.demo.SlackInbox;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * The alerts the rules raised, newest first, with where their cases stand; and one
 * alert's page, where responders work its case with plain forms (POST, then redirect back
 * to the page with what happened).
 */
@Controller
class AlertsController {

	private final AlertCases cases;

	private final ObjectProvider<AccountNames> accountNames;

	private final ObjectProvider<SlackInbox> demoSlack;

	AlertsController(AlertCases cases, ObjectProvider<AccountNames> accountNames,
			ObjectProvider<SlackInbox> demoSlack) {
		this.cases = cases;
		this.accountNames = accountNames;
		this.demoSlack = demoSlack;
	}

	@GetMapping("/alerts")
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "all") String cases,
			Model model) {
		var filter = filter(cases);
		model.addAttribute("page", this.cases.page(Math.max(1, page), filter));
		model.addAttribute("filters", CaseFilter.values());
		model.addAttribute("demoSlack", demoSlack.getIfAvailable() != null);
		return "alerts";
	}

	@GetMapping("/alerts/{id}")
	String alert(@PathVariable String id, Authentication authentication, Model model) {
		var file = cases.find(id).orElseThrow(() -> NotFound.of("no alert " + id));
		var actor = Actor.user(authentication.getName());
		model.addAttribute("file", file);
		model.addAttribute("actions",
				cases.allowed(file.alertCase(), actor).stream().map(CaseAction::name).collect(Collectors.toSet()));
		model.addAttribute("mayRespond", Capability.RESPOND_TO_ALERTS.allows(authentication));
		model.addAttribute("assignable", cases.assignable());
		model.addAttribute("states", CaseState.values());
		model.addAttribute("accountName", accountName(file.alert().accountId()));
		return "alert";
	}

	@PostMapping("/alerts/{id}/case")
	String change(@PathVariable String id, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) @Nullable Integer version, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			var change = new CaseChange(action(action), note, assignee, version);
			cases.change(id, change, Actor.user(authentication.getName()));
			redirect.addFlashAttribute("done", change.action().name());
		}
		catch (CaseRefused ex) {
			if (ex.reason() == CaseRefused.Reason.NO_SUCH_ALERT) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("draft", note);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("draft", note);
		}
		return "redirect:/alerts/{id}";
	}

	private @Nullable String accountName(String accountId) {
		var names = accountNames.getIfAvailable();
		return names == null ? null : names.nameOf(accountId).orElse(null);
	}

	static CaseAction action(String action) {
		try {
			return CaseAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"action: one of " + java.util.List.of(CaseAction.values()) + ", not '" + action + "'");
		}
	}

	private static CaseFilter filter(String cases) {
		try {
			return CaseFilter.valueOf(cases.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cases: one of all, open, closed, breached");
		}
	}

}
