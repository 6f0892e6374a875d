package io.soc2ops.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.Holding;
import io.soc2ops.access.Offboarding;
import io.soc2ops.access.Offboardings;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * Offboardings: the list with the form that starts one, and one offboarding with its
 * removals (confirm buttons for ADMIN and OPERATOR), the time they took against the
 * target, and a search for holdings of other person keys to add.
 */
@Controller
class OffboardingsController {

	static final int LIMIT = 200;

	private final Offboardings offboardings;

	OffboardingsController(Offboardings offboardings) {
		this.offboardings = offboardings;
	}

	@GetMapping("/access/offboardings")
	String list(@RequestParam(defaultValue = "") String person, Authentication authentication, Model model) {
		model.addAttribute("offboardings", offboardings.list(LIMIT));
		model.addAttribute("person", person);
		model.addAttribute("mayRun", Capability.RUN_OFFBOARDINGS.allows(authentication));
		return "access-offboardings";
	}

	@PostMapping("/access/offboardings")
	String start(@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String leftOn,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			if (person.isBlank()) {
				throw new IllegalArgumentException("person: required");
			}
			var day = AccessPeopleController.day(leftOn)
				.orElseThrow(() -> new IllegalArgumentException("leftOn: required, a date like 2026-10-02"));
			var started = offboardings.start(AccessPeopleApi.key(person), day, Actor.user(authentication.getName()));
			return "redirect:/access/offboardings/" + started.id();
		}
		catch (AccessRefused | IllegalArgumentException | org.springframework.web.server.ResponseStatusException ex) {
			redirect.addFlashAttribute("problem", ex instanceof org.springframework.web.server.ResponseStatusException r
					? r.getReason() : ex.getMessage());
			redirect.addAttribute("person", person);
			return "redirect:/access/offboardings";
		}
	}

	@GetMapping("/access/offboardings/{id}")
	String one(@PathVariable String id, @RequestParam(defaultValue = "") String find, Authentication authentication,
			Model model) {
		Offboarding offboarding = offboardings.find(id(id))
			.orElseThrow(() -> NotFound.of("offboarding " + id + " does not exist"));
		List<Holding> candidates = offboardings.holdings(find, 50);
		model.addAttribute("o", offboarding);
		model.addAttribute("find", find);
		model.addAttribute("candidates", candidates);
		model.addAttribute("mayRun", Capability.RUN_OFFBOARDINGS.allows(authentication));
		return "access-offboarding";
	}

	@PostMapping("/access/offboardings/{id}/holdings")
	String add(@PathVariable String id, @RequestParam(defaultValue = "") String holding, Authentication authentication,
			RedirectAttributes redirect) {
		long offboarding = id(id);
		return act(offboarding, redirect,
				() -> offboardings.add(offboarding, id(holding), Actor.user(authentication.getName())));
	}

	@PostMapping("/access/offboardings/{id}/removals/{removal}/confirm")
	String confirm(@PathVariable String id, @PathVariable String removal, @RequestParam(defaultValue = "") String note,
			Authentication authentication, RedirectAttributes redirect) {
		long offboarding = id(id);
		return act(offboarding, redirect,
				() -> offboardings.confirm(offboarding, id(removal), note, Actor.user(authentication.getName())));
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (AccessRefused ex) {
			if (ex.reason() == AccessRefused.Reason.NOT_FOUND && offboardings.find(id).isEmpty()) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/access/offboardings/" + id;
	}

	private static long id(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			throw NotFound.of("no " + QueryParameters.shown(text));
		}
	}

}
