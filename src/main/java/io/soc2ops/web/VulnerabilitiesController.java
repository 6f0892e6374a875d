package io.soc2ops.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.soc2ops.alerting.AccountNames;
import io.soc2ops.identity.Capability;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.AgeBucket;
import io.soc2ops.vulnerabilities.Breakdown;
import io.soc2ops.vulnerabilities.RiskAcceptances;
import io.soc2ops.vulnerabilities.Vulnerabilities;
import io.soc2ops.vulnerabilities.VulnerabilityOverview;
import io.soc2ops.vulnerabilities.VulnerabilityStatus;

/**
 * The vulnerabilities pages: where they stand (counts, the policy in force, ages), the
 * list with the same CVE on many resources as one group that opens in place, the views
 * per account and per team, the SLA trends, and one vulnerability with its history,
 * exceptions and a form to ask for one.
 */
@Controller
class VulnerabilitiesController {

	static final int GROUPS_PER_PAGE = 50;

	static final int ITEMS_PER_GROUP = 100;

	private final VulnerabilityOverview overview;

	private final Vulnerabilities vulnerabilities;

	private final ObjectProvider<AccountNames> accountNames;

	private final Clock clock;

	VulnerabilitiesController(VulnerabilityOverview overview, Vulnerabilities vulnerabilities,
			ObjectProvider<AccountNames> accountNames, Clock clock) {
		this.overview = overview;
		this.vulnerabilities = vulnerabilities;
		this.accountNames = accountNames;
		this.clock = clock;
	}

	@GetMapping("/vulnerabilities")
	String list(ListFilters filters, @RequestParam(required = false) @Nullable String page,
			Authentication authentication, Model model, HttpServletResponse response) {
		standing(model);
		model.addAttribute("filters", filters);
		model.addAttribute("accounts", named(overview.accounts()));
		model.addAttribute("teams", overview.teams());
		model.addAttribute("mayRequest", Capability.REQUEST_VULNERABILITY_EXCEPTIONS.allows(authentication));
		try {
			model.addAttribute("groups",
					overview.groups(filters.selection(), QueryParameters.page("page", page), GROUPS_PER_PAGE));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		return "vulnerabilities";
	}

	/**
	 * The resources of one group: the rows that open under it in the list (htmx), or a
	 * page of its own.
	 */
	@GetMapping("/vulnerabilities/group")
	String group(ListFilters filters, @RequestParam(name = "groupSeverity", required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable String cve,
			@RequestParam(required = false) @Nullable String title,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Authentication authentication,
			Model model, HttpServletResponse response) {
		model.addAttribute("filters", filters);
		model.addAttribute("mayRequest", Capability.REQUEST_VULNERABILITY_EXCEPTIONS.allows(authentication));
		model.addAttribute("cve", cve);
		model.addAttribute("title", title);
		try {
			var groupSeverity = QueryParameters.severity("groupSeverity", severity);
			model.addAttribute("groupSeverity", groupSeverity);
			var items = overview.group(groupSeverity, blankAsNull(cve), blankAsNull(title), filters.selection(),
					ITEMS_PER_GROUP);
			model.addAttribute("items", items);
			model.addAttribute("accountNames", named(items.items().stream().map(v -> v.accountId()).toList()));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		return htmx ? "vulnerability-group :: items" : "vulnerability-group";
	}

	@GetMapping("/vulnerabilities/accounts")
	String perAccount(Model model) {
		return breakdown(Breakdown.Dimension.ACCOUNT, model);
	}

	@GetMapping("/vulnerabilities/teams")
	String perTeam(Model model) {
		return breakdown(Breakdown.Dimension.TEAM, model);
	}

	@GetMapping("/vulnerabilities/trends")
	String trends(Model model) {
		var history = overview.remediation(12);
		model.addAttribute("history", history);
		model.addAttribute("compliance", RemediationChart.compliance(history));
		model.addAttribute("mttr", RemediationChart.meanTimeToRemediate(history));
		model.addAttribute("severities", VulnerabilitySeverity.values());
		return "vulnerability-trends";
	}

	@GetMapping("/vulnerabilities/{id}")
	String vulnerability(@PathVariable String id, Authentication authentication, Model model) {
		var file = parseId(id).flatMap(vulnerabilities::find).orElseThrow(() -> NotFound.of("no vulnerability " + id));
		var v = file.vulnerability();
		model.addAttribute("file", file);
		model.addAttribute("v", v);
		model.addAttribute("deadline", vulnerabilities.deadline(v));
		model.addAttribute("accountName", named(java.util.List.of(v.accountId())).get(v.accountId()));
		boolean mayRequest = Capability.REQUEST_VULNERABILITY_EXCEPTIONS.allows(authentication);
		model.addAttribute("mayRequest", mayRequest && v.status() != VulnerabilityStatus.FIXED);
		model.addAttribute("form", VulnerabilityExceptionsController.ExceptionForm.empty());
		model.addAttribute("earliestExpiry", today().plusDays(1));
		model.addAttribute("latestExpiry", today().plusDays(RiskAcceptances.MAX_DAYS));
		return "vulnerability";
	}

	private String breakdown(Breakdown.Dimension dimension, Model model) {
		standing(model);
		var rows = overview.breakdown(dimension);
		model.addAttribute("dimension", dimension);
		model.addAttribute("rows", rows);
		model.addAttribute("accountNames",
				dimension == Breakdown.Dimension.ACCOUNT
						? named(rows.stream().map(Breakdown::key).filter(k -> k != null).map(String::valueOf).toList())
						: Map.of());
		return "vulnerability-breakdown";
	}

	private void standing(Model model) {
		model.addAttribute("standing", overview.standing());
		model.addAttribute("policy", vulnerabilities.policyInForce().orElse(null));
		model.addAttribute("severities", VulnerabilitySeverity.values());
		model.addAttribute("ages", AgeBucket.values());
	}

	/** Account IDs with the names people know them by, where known. */
	private Map<String, String> named(java.util.List<String> accounts) {
		var names = accountNames.getIfAvailable();
		var named = new LinkedHashMap<String, String>();
		for (String account : accounts) {
			named.put(account, names == null ? "" : names.nameOf(account).orElse(""));
		}
		return named;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static @Nullable String blankAsNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

	static Optional<Long> parseId(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
