package io.soc2ops.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.IdentityException;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * User administration: who may sign in, with which roles.
 */
@Controller
class UsersController {

	private final Users users;

	UsersController(Users users) {
		this.users = users;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", users.all());
		model.addAttribute("roles", Role.values());
		return "users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String password, @RequestParam(required = false) List<String> roles,
			Authentication authentication, RedirectAttributes redirect) {
		return attempt(redirect, () -> {
			users.create(Username.of(username.strip()), displayName, parseRoles(roles), password,
					Actor.user(authentication.getName()));
			return "user '" + username.strip() + "' created";
		});
	}

	@PostMapping("/admin/users/{username}/roles")
	String changeRoles(@PathVariable String username, @RequestParam(required = false) List<String> roles,
			Authentication authentication, RedirectAttributes redirect) {
		return attempt(redirect, () -> {
			users.changeRoles(Username.of(username), parseRoles(roles), Actor.user(authentication.getName()));
			return "roles of '" + username + "' changed";
		});
	}

	@PostMapping("/admin/users/{username}/disable")
	String disable(@PathVariable String username, Authentication authentication, RedirectAttributes redirect) {
		return attempt(redirect, () -> {
			users.disable(Username.of(username), Actor.user(authentication.getName()));
			return "'" + username + "' can no longer sign in";
		});
	}

	private static String attempt(RedirectAttributes redirect, java.util.function.Supplier<String> change) {
		try {
			redirect.addFlashAttribute("done", change.get());
		}
		catch (IllegalArgumentException | IdentityException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	static Set<Role> parseRoles(List<String> roles) {
		if (roles == null || roles.isEmpty()) {
			return Set.of();
		}
		var parsed = EnumSet.noneOf(Role.class);
		for (String role : roles) {
			try {
				parsed.add(Role.valueOf(role));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + List.of(Role.values()));
			}
		}
		return parsed;
	}

}
