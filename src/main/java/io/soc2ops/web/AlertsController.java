package io.soc2ops.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.soc2ops.alerting.Alerts;

/** The alerts the rules raised, newest first, each linked to its finding. */
@Controller
class AlertsController {

	private final Alerts alerts;

	AlertsController(Alerts alerts) {
		this.alerts = alerts;
	}

	@GetMapping("/alerts")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("page", alerts.page(Math.max(1, page)));
		return "alerts";
	}

}
