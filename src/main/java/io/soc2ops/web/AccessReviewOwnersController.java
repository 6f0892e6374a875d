package io.soc2ops.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.AccessReviewOwners;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * Who owns each AWS account, and so reviews the access of people without a manager in it:
 * the list, and setting or removing an owner for campaign managers.
 */
@Controller
class AccessReviewOwnersController {

	private final AccessReviewOwners owners;

	AccessReviewOwnersController(AccessReviewOwners owners) {
		this.owners = owners;
	}

	@GetMapping("/access/account-owners")
	String list(Authentication authentication, Model model) {
		model.addAttribute("owners", owners.all());
		model.addAttribute("mayManage", Capability.MANAGE_ACCESS_REVIEWS.allows(authentication));
		return "access-account-owners";
	}

	@PostMapping("/access/account-owners")
	String set(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String owner,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var set = owners.set(account, owner, Actor.user(authentication.getName()));
			redirect.addFlashAttribute("saved", set.accountId());
			return "redirect:/access/account-owners";
		}
		catch (AccessRefused ex) {
			response.setStatus(ex.reason() == AccessRefused.Reason.FORBIDDEN ? HttpServletResponse.SC_FORBIDDEN
					: HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("typedAccount", account);
			model.addAttribute("typedOwner", owner);
			return list(authentication, model);
		}
	}

	@PostMapping("/access/account-owners/{id}/remove")
	String remove(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		try {
			if (owners.remove(id, Actor.user(authentication.getName()))) {
				redirect.addFlashAttribute("removed", id);
			}
		}
		catch (AccessRefused ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/access/account-owners";
	}

}
