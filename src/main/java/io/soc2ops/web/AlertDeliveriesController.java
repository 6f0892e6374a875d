package io.soc2ops.web;

import org.jspecify.annotations.Nullable;
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

import io.soc2ops.alerting.AlertingException;
import io.soc2ops.alerting.Deliveries;
import io.soc2ops.alerting.Delivery;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * The alert delivery outbox: each route's deliveries by state, and the deliveries of one
 * state (the dead ones first) with their last error, each dead one retryable.
 */
@Controller
class AlertDeliveriesController {

	private final Deliveries deliveries;

	AlertDeliveriesController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/alerts/deliveries")
	String list(@RequestParam(defaultValue = "DEAD") String state,
			@RequestParam(required = false) @Nullable String route, @RequestParam(defaultValue = "1") int page,
			Authentication authentication, Model model) {
		var shown = "ALL".equalsIgnoreCase(state) ? null : shown(state);
		String only = route == null || route.isBlank() ? null : route;
		model.addAttribute("routes", deliveries.routes());
		model.addAttribute("page", deliveries.page(shown, only, Math.max(1, page)));
		model.addAttribute("state", shown == null ? "ALL" : shown.name());
		model.addAttribute("states", Delivery.State.values());
		model.addAttribute("route", only);
		model.addAttribute("mayRetry", Capability.MANAGE_ALERT_DELIVERIES.allows(authentication));
		return "alert-deliveries";
	}

	private static Delivery.@Nullable State shown(String state) {
		try {
			return AlertDeliveriesApi.state(state);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	@PostMapping("/alerts/deliveries/{id}/retry")
	String retry(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		try {
			deliveries.retry(id, Actor.user(authentication.getName()));
			redirect.addFlashAttribute("retried", 1);
		}
		catch (AlertingException ex) {
			if (ex.isNotFound()) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/alerts/deliveries";
	}

	@PostMapping("/alerts/deliveries/retry")
	String retryRoute(@RequestParam(defaultValue = "") String route, Authentication authentication,
			RedirectAttributes redirect) {
		if (route.isBlank()) {
			redirect.addFlashAttribute("problem", "route: is required");
		}
		else {
			redirect.addFlashAttribute("retried", deliveries.retryRoute(route, Actor.user(authentication.getName())));
		}
		return "redirect:/alerts/deliveries";
	}

}
