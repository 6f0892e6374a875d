package io.soc2ops.web;

import java.time.LocalDate;
import java.util.Locale;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.catalog.Catalog;
import io.soc2ops.catalog.CatalogException;
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.SecurityHubControl;
import io.soc2ops.catalog.TestOutcome;
import io.soc2ops.evidence.Actor;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Criterion and control pages, the Security Hub mapping, and recording a control test.
 */
@Controller
class CatalogController {

	private final Catalog catalog;

	private final Readiness readiness;

	private final ControlTests tests;

	private final java.time.Clock clock;

	private final MessageSource messages;

	CatalogController(Catalog catalog, Readiness readiness, ControlTests tests, java.time.Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.catalog = catalog;
		this.readiness = readiness;
		this.tests = tests;
		this.clock = clock;
	}

	/**
	 * A criterion with its status over a period (the last 90 days unless {@code from} and
	 * {@code to} say otherwise) and each mapped Security Hub control's failing resources
	 * over it.
	 */
	@GetMapping("/criteria/{id}")
	String criterion(@PathVariable String id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model, HttpServletResponse response,
			Locale locale) {
		var criterionId = NotFound.criterionId(id);
		var criterion = readiness.criterion(criterionId).orElseThrow(() -> NotFound.of("no criterion " + id));
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		DayInput.Period period;
		try {
			period = DayInput.period(from, to, today);
		}
		catch (DayInput.Refused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("periodProblem", messages.getMessage(ex.key(), ex.arguments(), locale));
			period = DayInput.Period.endingOn(today);
		}
		var days = readiness.replay(period.from(), period.to());
		model.addAttribute("criterion", criterion);
		model.addAttribute("today", today);
		model.addAttribute("strip", StatusStrip.of(criterionId, days));
		var sparklines = new java.util.HashMap<String, Sparkline>();
		criterion.securityHubControls().forEach(c -> sparklines.put(c.id(), Sparkline.of(c.id(), days)));
		model.addAttribute("sparklines", sparklines);
		return "criterion";
	}

	@GetMapping("/controls/{id}")
	String control(@PathVariable String id, Model model) {
		var control = readiness.control(id).orElseThrow(() -> NotFound.of("no control " + id));
		model.addAttribute("control", control);
		model.addAttribute("criteria",
				control.control()
					.criteria()
					.stream()
					.map(catalog::criterion)
					.flatMap(java.util.Optional::stream)
					.toList());
		model.addAttribute("checks",
				control.control()
					.checks()
					.stream()
					.map(catalog::securityHubControl)
					.flatMap(java.util.Optional::stream)
					.toList());
		model.addAttribute("history", tests.history(id, 50));
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		return "control";
	}

	@PostMapping("/controls/{id}/tests")
	String recordTest(@PathVariable String id, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String evidenceFor, @RequestParam(defaultValue = "") String note,
			Authentication authentication, RedirectAttributes redirect) {
		if (catalog.control(id).isEmpty()) {
			throw NotFound.of("no control " + id);
		}
		try {
			var test = tests.record(id, parseOutcome(outcome), parseDate(evidenceFor), note,
					Actor.user(authentication.getName()));
			redirect.addFlashAttribute("recorded", test.ledgerSequence());
		}
		catch (IllegalArgumentException | CatalogException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/controls/" + id;
	}

	@GetMapping("/catalog/security-hub")
	String securityHub(@RequestParam(required = false) @Nullable String service, Model model) {
		List<SecurityHubControl> controls = catalog.securityHubControls()
			.stream()
			.filter(c -> service == null || service.isBlank() || c.service().equalsIgnoreCase(service))
			.sorted(Comparator.comparing(SecurityHubControl::service).thenComparing(c -> sortKey(c.id())))
			.toList();
		model.addAttribute("controls", controls);
		model.addAttribute("services",
				catalog.securityHubControls().stream().map(SecurityHubControl::service).distinct().sorted().toList());
		model.addAttribute("service", service == null ? "" : service);
		model.addAttribute("version", catalog.version());
		return "security-hub";
	}

	@GetMapping("/catalog/controls")
	String controls(Model model) {
		model.addAttribute("controls", readiness.controls());
		return "controls";
	}

	private static String sortKey(String id) {
		int dot = id.indexOf('.');
		return id.substring(0, dot) + "." + "%04d".formatted(Integer.parseInt(id.substring(dot + 1)));
	}

	static TestOutcome parseOutcome(String outcome) {
		try {
			return TestOutcome.valueOf(outcome.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("outcome must be PASSED or FAILED");
		}
	}

	static LocalDate parseDate(String date) {
		try {
			return LocalDate.parse(date.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("evidenceFor must be a date like 2026-11-28");
		}
	}

}
