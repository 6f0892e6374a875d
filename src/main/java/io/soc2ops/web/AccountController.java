package io.soc2ops.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.IdentityException;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * A person's own account: password and API tokens. A new token's secret is shown once,
 * through a flash attribute that lives for exactly one page view.
 */
@Controller
class AccountController {

	private final Users users;

	private final ApiTokens tokens;

	AccountController(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/account")
	String account(Authentication authentication, Model model) {
		var me = Username.of(authentication.getName());
		model.addAttribute("user", users.find(me).orElseThrow(() -> NotFound.of("no user " + me)));
		model.addAttribute("tokens", tokens.ownedBy(me));
		return "account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			if (!password.equals(confirmation)) {
				throw IdentityException.refused("the two passwords differ");
			}
			users.changePassword(Username.of(authentication.getName()), password, Actor.user(authentication.getName()));
			redirect.addFlashAttribute("done", "password changed");
		}
		catch (IdentityException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens")
	String issueToken(@RequestParam(defaultValue = "") String name, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			var issued = tokens.issue(Username.of(authentication.getName()), name,
					Actor.user(authentication.getName()));
			redirect.addFlashAttribute("secret", issued.secret());
		}
		catch (IdentityException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		try {
			tokens.revoke(id, Actor.user(authentication.getName()), Capability.ADMINISTER_USERS.allows(authentication));
			redirect.addFlashAttribute("done", "token revoked");
		}
		catch (IdentityException ex) {
			if (ex.isNotFound()) {
				throw NotFound.of("no API token " + id);
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/account";
	}

}
