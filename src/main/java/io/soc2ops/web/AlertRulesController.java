package io.soc2ops.web;

import java.util.Arrays;
import java.util.List;

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

import io.soc2ops.alerting.AlertRule;
import io.soc2ops.alerting.AlertRuleDraft;
import io.soc2ops.alerting.AlertRules;
import io.soc2ops.alerting.AlertingException;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.Severity;
import io.soc2ops.identity.Capability;

/**
 * Alert rules: the list, a new rule, changing one, switching it on and off, and trying an
 * event against all of them.
 */
@Controller
class AlertRulesController {

	private final AlertRules rules;

	AlertRulesController(AlertRules rules) {
		this.rules = rules;
	}

	@GetMapping("/alerts/rules")
	String list(Authentication authentication, Model model) {
		return page(authentication, model, RuleForm.empty(), "");
	}

	@PostMapping("/alerts/rules")
	String create(RuleForm form, Authentication authentication, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			rules.create(form.draft(form.name), Actor.user(authentication.getName()));
		}
		catch (AlertingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			return page(authentication, model, form, "");
		}
		redirect.addFlashAttribute("done", form.name);
		return "redirect:/alerts/rules";
	}

	@GetMapping("/alerts/rules/{name}")
	String rule(@PathVariable String name, Authentication authentication, Model model) {
		var rule = rules.find(name).orElseThrow(() -> NotFound.of("no alert rule " + name));
		return edit(rule, RuleForm.of(rule), authentication, model);
	}

	@PostMapping("/alerts/rules/{name}")
	String change(@PathVariable String name, RuleForm form, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var rule = rules.find(name).orElseThrow(() -> NotFound.of("no alert rule " + name));
		try {
			rules.change(form.draft(name), Actor.user(authentication.getName()));
		}
		catch (AlertingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			return edit(rule, form, authentication, model);
		}
		redirect.addFlashAttribute("done", name);
		return "redirect:/alerts/rules";
	}

	@PostMapping("/alerts/rules/{name}/enable")
	String enable(@PathVariable String name, Authentication authentication, RedirectAttributes redirect) {
		switched(() -> rules.enable(name, Actor.user(authentication.getName())));
		redirect.addFlashAttribute("done", name);
		return "redirect:/alerts/rules";
	}

	@PostMapping("/alerts/rules/{name}/disable")
	String disable(@PathVariable String name, Authentication authentication, RedirectAttributes redirect) {
		switched(() -> rules.disable(name, Actor.user(authentication.getName())));
		redirect.addFlashAttribute("done", name);
		return "redirect:/alerts/rules";
	}

	@PostMapping("/alerts/rules/try")
	String tryEvent(@RequestParam(defaultValue = "") String event, Authentication authentication, Model model,
			HttpServletResponse response) {
		model.addAttribute("event", event);
		try {
			model.addAttribute("trial", rules.tryEvent(event));
		}
		catch (AlertingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("tryProblem", ex.getMessage());
		}
		return page(authentication, model, RuleForm.empty(), event);
	}

	private String page(Authentication authentication, Model model, RuleForm form, String event) {
		model.addAttribute("rules", rules.list());
		model.addAttribute("form", form);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("mayManage", Capability.MANAGE_ALERT_RULES.allows(authentication));
		if (!model.containsAttribute("event")) {
			model.addAttribute("event", event);
		}
		return "alert-rules";
	}

	private String edit(AlertRule rule, RuleForm form, Authentication authentication, Model model) {
		model.addAttribute("rule", rule);
		model.addAttribute("form", form);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("mayManage", Capability.MANAGE_ALERT_RULES.allows(authentication));
		return "alert-rule";
	}

	private static void switched(Runnable change) {
		try {
			change.run();
		}
		catch (AlertingException ex) {
			if (ex.isNotFound()) {
				throw NotFound.of(ex.getMessage());
			}
			throw ex;
		}
	}

	/**
	 * A rule as the form sends it; routes are one text field, names separated by commas
	 * or spaces; an unticked box sends no {@code enabled}, which means off.
	 */
	record RuleForm(@Nullable String name, @Nullable String pattern, @Nullable Severity severityFloor,
			@Nullable String routes, @Nullable Boolean enabled) {

		static RuleForm empty() {
			return new RuleForm("", "", Severity.INFORMATIONAL, "", true);
		}

		static RuleForm of(AlertRule rule) {
			return new RuleForm(rule.name(), rule.pattern(), rule.severityFloor(), String.join(", ", rule.routes()),
					rule.enabled());
		}

		AlertRuleDraft draft(@Nullable String ruleName) {
			List<String> routeNames = routes == null || routes.isBlank() ? List.of()
					: Arrays.stream(routes.strip().split("[,\\s]+")).filter(r -> !r.isEmpty()).toList();
			return new AlertRuleDraft(ruleName == null ? "" : ruleName.strip(), pattern == null ? "" : pattern,
					severityFloor == null ? Severity.INFORMATIONAL : severityFloor, routeNames,
					Boolean.TRUE.equals(enabled));
		}

	}

}
