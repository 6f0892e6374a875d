package io.soc2ops.web;

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

import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.AlertingException;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * Routes: their health, a new route, a replaced webhook URL, switching on and off, and a
 * test message. A URL typed into a form is never sent back to the browser, not even when
 * it is refused.
 */
@Controller
class AlertRoutesController {

	private final AlertRoutes routes;

	AlertRoutesController(AlertRoutes routes) {
		this.routes = routes;
	}

	@GetMapping("/alerts/routes")
	String list(Authentication authentication, Model model) {
		return page(authentication, model, "", true);
	}

	@PostMapping("/alerts/routes")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String webhookUrl,
			@RequestParam(required = false) @Nullable Boolean enabled, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			routes.create(name.strip(), webhookUrl.strip(), Boolean.TRUE.equals(enabled),
					Actor.user(authentication.getName()));
		}
		catch (AlertingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			return page(authentication, model, name, Boolean.TRUE.equals(enabled));
		}
		redirect.addFlashAttribute("done", name.strip());
		return "redirect:/alerts/routes";
	}

	@PostMapping("/alerts/routes/{name}/url")
	String replaceUrl(@PathVariable String name, @RequestParam(defaultValue = "") String webhookUrl,
			Authentication authentication, RedirectAttributes redirect) {
		return changed(name, redirect, () -> {
			var route = routes.find(name).orElseThrow(() -> NotFound.of("no alert route " + name));
			routes.change(name, route.enabled(), webhookUrl.strip(), Actor.user(authentication.getName()));
		});
	}

	@PostMapping("/alerts/routes/{name}/enable")
	String enable(@PathVariable String name, Authentication authentication, RedirectAttributes redirect) {
		return changed(name, redirect, () -> routes.enable(name, Actor.user(authentication.getName())));
	}

	@PostMapping("/alerts/routes/{name}/disable")
	String disable(@PathVariable String name, Authentication authentication, RedirectAttributes redirect) {
		return changed(name, redirect, () -> routes.disable(name, Actor.user(authentication.getName())));
	}

	@PostMapping("/alerts/routes/{name}/test")
	String test(@PathVariable String name, Authentication authentication, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("tested", name);
			redirect.addFlashAttribute("outcome", routes.sendTestMessage(name, Actor.user(authentication.getName())));
		}
		catch (AlertingException ex) {
			throw ex.isNotFound() ? NotFound.of(ex.getMessage()) : ex;
		}
		return "redirect:/alerts/routes";
	}

	private String changed(String name, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("done", name);
		}
		catch (AlertingException ex) {
			if (ex.isNotFound()) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/alerts/routes";
	}

	private String page(Authentication authentication, Model model, String name, boolean enabled) {
		model.addAttribute("routes", routes.list());
		model.addAttribute("missing", routes.missing());
		model.addAttribute("name", name);
		model.addAttribute("enabled", enabled);
		model.addAttribute("mayManage", Capability.MANAGE_ALERT_ROUTES.allows(authentication));
		return "alert-routes";
	}

}
