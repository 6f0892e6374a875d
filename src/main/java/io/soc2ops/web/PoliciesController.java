package io.soc2ops.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Capability;
import io.soc2ops.policies.PolicyDifference;
import io.soc2ops.policies.PolicyRefused;
import io.soc2ops.policies.VulnerabilityPolicies;
import io.soc2ops.policies.VulnerabilityPolicyDocument;
import io.soc2ops.policies.VulnerabilityPolicyTerms;
import io.soc2ops.policies.VulnerabilityPolicyVersion;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The policies page: the vulnerability management policy in force, the drafts waiting for
 * approval with what they change, the history of versions, and a form to draft a change;
 * and one version's page with its exact text and ledger trail.
 */
@Controller
class PoliciesController {

	private final VulnerabilityPolicies policies;

	private final EvidenceLedger ledger;

	private final Clock clock;

	PoliciesController(VulnerabilityPolicies policies, EvidenceLedger ledger, Clock clock) {
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
	}

	@GetMapping("/policies")
	String policies(Authentication authentication, Model model) {
		var inForce = policies.inForceToday();
		var form = inForce.map(v -> PolicyForm.of(v.terms()))
			.orElseGet(() -> PolicyForm.of(VulnerabilityPolicyTerms.reference(today(), "")));
		return page(authentication, model, form.withEffectiveFrom(today()));
	}

	@PostMapping("/policies/vulnerability")
	String draft(PolicyForm form, Authentication authentication, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			var drafted = policies.draft(form.terms(), "web", Actor.user(authentication.getName()));
			redirect.addFlashAttribute("drafted", drafted.version());
			return "redirect:/policies/vulnerability/" + drafted.version();
		}
		catch (PolicyRefused ex) {
			response.setStatus(ex.reason() == PolicyRefused.Reason.NOT_ALLOWED ? HttpServletResponse.SC_FORBIDDEN
					: HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			return page(authentication, model, form);
		}
	}

	@GetMapping("/policies/vulnerability/{version}")
	String version(@PathVariable int version, Authentication authentication, Model model) {
		var found = policies.version(version).orElseThrow(() -> NotFound.of("no policy version " + version));
		model.addAttribute("v", found);
		model.addAttribute("change", policies.difference(found.terms()));
		model.addAttribute("mayDecide", policies.mayDecide(found, Actor.user(authentication.getName())));
		model.addAttribute("inForce", policies.inForceToday().orElse(null));
		model.addAttribute("entries", ledger.about(found.ledgerSubject(), 50));
		model.addAttribute("severities", VulnerabilitySeverity.values());
		return "policy-version";
	}

	/** The exact text of a version, as a file: the bytes its SHA-256 is of. */
	@GetMapping("/policies/vulnerability/{version}/text")
	ResponseEntity<byte[]> text(@PathVariable int version) {
		var found = policies.version(version).orElseThrow(() -> NotFound.of("no policy version " + version));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/yaml"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("vulnerability-management-v" + version + ".yaml")
						.build()
						.toString())
			.body(found.text().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/policies/vulnerability/{version}/approve")
	String approve(@PathVariable int version, @RequestParam(defaultValue = "") String sha256,
			@RequestParam(defaultValue = "") String note, Authentication authentication, RedirectAttributes redirect) {
		return decided(version, redirect, note,
				() -> policies.approve(version, sha256, note, Actor.user(authentication.getName())));
	}

	@PostMapping("/policies/vulnerability/{version}/reject")
	String reject(@PathVariable int version, @RequestParam(defaultValue = "") String reason,
			Authentication authentication, RedirectAttributes redirect) {
		return decided(version, redirect, reason,
				() -> policies.reject(version, reason, Actor.user(authentication.getName())));
	}

	private String decided(int version, RedirectAttributes redirect, String typed, Runnable decision) {
		try {
			decision.run();
			redirect.addFlashAttribute("decided", true);
		}
		catch (PolicyRefused ex) {
			if (ex.reason() == PolicyRefused.Reason.NOT_FOUND) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("typed", typed);
		}
		return "redirect:/policies/vulnerability/" + version;
	}

	private String page(Authentication authentication, Model model, PolicyForm form) {
		var actor = Actor.user(authentication.getName());
		var history = policies.history();
		model.addAttribute("inForce", policies.inForceToday().orElse(null));
		model.addAttribute("history", history);
		model.addAttribute("drafts",
				history.stream()
					.filter(VulnerabilityPolicyVersion::isDraft)
					.map(v -> new DraftView(v, policies.difference(v.terms()), policies.mayDecide(v, actor)))
					.toList());
		model.addAttribute("form", form);
		model.addAttribute("severities", VulnerabilitySeverity.values());
		model.addAttribute("mayDraft", Capability.DRAFT_POLICIES.allows(authentication));
		return "policies";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** A draft on the page: what it changes, and whether the viewer may decide on it. */
	record DraftView(VulnerabilityPolicyVersion version, PolicyDifference change, boolean mayDecide) {
	}

	/**
	 * The form as typed: days per severity as a number or {@code none}; accounts and
	 * resource types separated by commas, spaces or lines.
	 */
	record PolicyForm(@Nullable String effectiveFrom, @Nullable String critical, @Nullable String high,
			@Nullable String medium, @Nullable String low, @Nullable String informational, @Nullable String accounts,
			@Nullable String resourceTypes, @Nullable String notes) {

		static PolicyForm of(VulnerabilityPolicyTerms terms) {
			return new PolicyForm(terms.effectiveFrom().toString(), days(terms, VulnerabilitySeverity.CRITICAL),
					days(terms, VulnerabilitySeverity.HIGH), days(terms, VulnerabilitySeverity.MEDIUM),
					days(terms, VulnerabilitySeverity.LOW), days(terms, VulnerabilitySeverity.INFORMATIONAL),
					String.join(", ", terms.accounts()), String.join(", ", terms.resourceTypes()), terms.notes());
		}

		PolicyForm withEffectiveFrom(LocalDate day) {
			return new PolicyForm(day.toString(), critical, high, medium, low, informational, accounts, resourceTypes,
					notes);
		}

		/** The days typed for each severity, by severity. */
		Map<VulnerabilitySeverity, String> days() {
			var days = new EnumMap<VulnerabilitySeverity, String>(VulnerabilitySeverity.class);
			days.put(VulnerabilitySeverity.CRITICAL, text(critical));
			days.put(VulnerabilitySeverity.HIGH, text(high));
			days.put(VulnerabilitySeverity.MEDIUM, text(medium));
			days.put(VulnerabilitySeverity.LOW, text(low));
			days.put(VulnerabilitySeverity.INFORMATIONAL, text(informational));
			return days;
		}

		/** What was typed for one severity. */
		public String day(VulnerabilitySeverity severity) {
			return days().get(severity);
		}

		VulnerabilityPolicyTerms terms() {
			return VulnerabilityPolicyDocument.readForm(text(effectiveFrom), days(), text(accounts),
					text(resourceTypes), text(notes));
		}

		private static String text(@Nullable String value) {
			return value == null ? "" : value;
		}

		private static String days(VulnerabilityPolicyTerms terms, VulnerabilitySeverity severity) {
			return terms.daysFor(severity).map(String::valueOf).orElse("none");
		}

	}

}
