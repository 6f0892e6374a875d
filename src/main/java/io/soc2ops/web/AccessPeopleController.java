package io.soc2ops.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.access.AccessPeople;
import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.Offboardings;
import io.soc2ops.access.PersonChange;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.User;
import io.soc2ops.identity.Users;

/**
 * The people directory: the list with a search, and one person with their manager,
 * soc2ops user and leaving day (a form for ADMIN and OPERATOR) and what they hold now.
 */
@Controller
class AccessPeopleController {

	static final int LIMIT = 500;

	private final AccessPeople people;

	private final Offboardings offboardings;

	private final Users users;

	AccessPeopleController(AccessPeople people, Offboardings offboardings, Users users) {
		this.people = people;
		this.offboardings = offboardings;
		this.users = users;
	}

	@GetMapping("/access/people")
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("people", people.list(q, LIMIT));
		model.addAttribute("limit", LIMIT);
		return "access-people";
	}

	@GetMapping("/access/people/{person}")
	String one(@PathVariable String person, Authentication authentication, Model model) {
		var found = people.find(AccessPeopleApi.key(person))
			.orElseThrow(() -> NotFound.of("person " + person + " is not known"));
		model.addAttribute("person", found);
		model.addAttribute("holdings",
				offboardings.holdings(found.person().value(), 200)
					.stream()
					.filter(h -> h.person().equals(found.person()))
					.toList());
		model.addAttribute("users", users.all().stream().filter(User::enabled).map(u -> u.username().value()).toList());
		model.addAttribute("mayChange", Capability.MANAGE_PEOPLE.allows(authentication));
		model.addAttribute("mayOffboard", Capability.RUN_OFFBOARDINGS.allows(authentication));
		return "access-person";
	}

	@PostMapping("/access/people/{person}")
	String change(@PathVariable String person, @RequestParam(defaultValue = "") String manager,
			@RequestParam(defaultValue = "") String soc2opsUser, @RequestParam(defaultValue = "") String leftOn,
			Authentication authentication, RedirectAttributes redirect, HttpServletResponse response) {
		var key = AccessPeopleApi.key(person);
		try {
			people.change(key,
					new PersonChange(AccessPeopleApi.PersonFields.text(manager),
							AccessPeopleApi.PersonFields.text(soc2opsUser), day(leftOn)),
					Actor.user(authentication.getName()));
			redirect.addFlashAttribute("saved", true);
		}
		catch (AccessRefused ex) {
			if (ex.reason() == AccessRefused.Reason.NOT_FOUND) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/access/people/" + key.value();
	}

	static Optional<LocalDate> day(String text) {
		if (text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"leftOn: must be a date like 2026-10-02 but was '" + QueryParameters.shown(text) + "'", ex);
		}
	}

}
