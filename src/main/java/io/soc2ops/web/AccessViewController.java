package io.soc2ops.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.soc2ops.access.AccessReconciliation;
import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.AccessViewBy;
import io.soc2ops.access.AccessViewFilter;
import io.soc2ops.access.AccessViewGroup;
import io.soc2ops.access.AccessViews;
import io.soc2ops.access.CredentialFindings;
import io.soc2ops.access.KnownAccount;
import io.soc2ops.access.KnownAccounts;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * Who has access to what: counts per account, permission set or person (unapproved ones
 * first, with a bar of approved against unapproved per account), and the holdings the
 * filter picks, each with the approved request behind it or flagged unapproved; and the
 * open unapproved-access exceptions, the longest open first, where ADMIN and OPERATOR
 * open a removal or reconcile now. Everyone reads both.
 */
@Controller
class AccessViewController {

	static final int LINES = 50;

	static final int GROUPS = 50;

	static final int EXCEPTIONS = 100;

	private final AccessViews views;

	private final AccessReconciliation reconciliation;

	private final CredentialFindings credentials;

	private final ObjectProvider<KnownAccounts> accounts;

	AccessViewController(AccessViews views, AccessReconciliation reconciliation, CredentialFindings credentials,
			ObjectProvider<KnownAccounts> accounts) {
		this.views = views;
		this.credentials = credentials;
		this.reconciliation = reconciliation;
		this.accounts = accounts;
	}

	@GetMapping("/access")
	String holdings(@RequestParam(defaultValue = "account") String view, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String entitlement,
			@RequestParam(defaultValue = "1") String page, @RequestParam(defaultValue = "1") String gpage,
			Authentication authentication, Model model, HttpServletResponse response) {
		AccessViewFilter filter = AccessViewFilter.ALL;
		AccessViewBy by = AccessViewBy.ACCOUNT;
		int linePage = 1;
		int groupPage = 1;
		try {
			by = by(view);
			linePage = page(page, "page");
			groupPage = page(gpage, "gpage");
			filter = new AccessViewFilter(person, account, entitlement);
		}
		catch (AccessRefused ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		var lines = views.holdings(filter, (linePage - 1) * LINES, LINES);
		var groups = views.groups(by, filter, (groupPage - 1) * GROUPS, GROUPS);
		long groupCount = views.groupCount(by, filter);
		model.addAttribute("view", by.name().toLowerCase(Locale.ROOT));
		model.addAttribute("filter", filter);
		model.addAttribute("lines", lines);
		model.addAttribute("page", linePage);
		model.addAttribute("pages", Math.max(1, (lines.total() + LINES - 1) / LINES));
		model.addAttribute("groups", groups);
		model.addAttribute("groupPage", groupPage);
		model.addAttribute("groupPages", Math.max(1, (groupCount + GROUPS - 1) / GROUPS));
		model.addAttribute("bars", by == AccessViewBy.ACCOUNT ? AccessBars.of(groups, names()) : null);
		model.addAttribute("accountNames", names());
		common(model, authentication);
		return "access";
	}

	@GetMapping("/access/exceptions")
	String exceptions(@RequestParam(defaultValue = "1") String page, Authentication authentication, Model model,
			HttpServletResponse response) {
		int shown = 1;
		try {
			shown = page(page, "page");
		}
		catch (AccessRefused ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		long open = reconciliation.openCount();
		model.addAttribute("exceptions", reconciliation.openExceptions((shown - 1) * EXCEPTIONS, EXCEPTIONS));
		model.addAttribute("page", shown);
		model.addAttribute("pages", Math.max(1, (open + EXCEPTIONS - 1) / EXCEPTIONS));
		model.addAttribute("accountNames", names());
		// they map IAM users and their keys: shown to those who may read the AWS
		// connection
		model.addAttribute("credentialFindings",
				Capability.READ_AWS.allows(authentication) ? credentials.current() : null);
		common(model, authentication);
		return "access-exceptions";
	}

	@PostMapping("/access/exceptions/{id}/removal")
	String openRemoval(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		try {
			var removal = reconciliation.openRemoval(AccessViewApi.id(id), Actor.user(authentication.getName()));
			redirect.addFlashAttribute("removalOpened", removal.id());
			redirect.addFlashAttribute("removalException", id);
		}
		catch (AccessRefused ex) {
			if (ex.reason() == AccessRefused.Reason.NOT_FOUND) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/access/exceptions";
	}

	@PostMapping("/access/reconcile")
	String reconcile(Authentication authentication, RedirectAttributes redirect) {
		var run = reconciliation.reconcile(Actor.user(authentication.getName()).toString());
		redirect.addFlashAttribute("reconciled", run);
		return "redirect:/access/exceptions";
	}

	private void common(Model model, Authentication authentication) {
		model.addAttribute("latestRun", reconciliation.latestRun().orElse(null));
		model.addAttribute("openCount", reconciliation.openCount());
		model.addAttribute("mayManage", Capability.MANAGE_ACCESS_EXCEPTIONS.allows(authentication));
	}

	private Map<String, String> names() {
		var known = accounts.getIfAvailable();
		var names = new LinkedHashMap<String, String>();
		if (known != null) {
			known.all().forEach((KnownAccount a) -> names.put(a.id(), a.name()));
		}
		return names;
	}

	private static AccessViewBy by(String view) {
		try {
			return AccessViewBy.valueOf(view.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw AccessRefused.invalid("view: one of account, entitlement, person, not '" + view + "'");
		}
	}

	private static int page(String value, String name) {
		try {
			int page = Integer.parseInt(value.strip());
			if (page >= 1 && page <= 100_000) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw AccessRefused.invalid(name + ": a page number from 1, not '" + value + "'");
	}

	/**
	 * The inline SVG bars of approved against unapproved holdings per account, scaled to
	 * the largest account shown.
	 */
	record AccessBars(List<Bar> bars, int height, int width, int left) {

		static final int ROW = 22;

		static AccessBars of(List<AccessViewGroup> groups, Map<String, String> names) {
			int width = 640;
			int left = 210;
			long most = groups.stream().mapToLong(AccessViewGroup::holdings).max().orElse(1);
			double scale = (width - left - 60) / (double) Math.max(1, most);
			var bars = new java.util.ArrayList<Bar>();
			for (int i = 0; i < groups.size(); i++) {
				var group = groups.get(i);
				String name = names.get(group.key());
				bars.add(new Bar(group, name == null ? group.key() : name + " (" + group.key() + ")", i * ROW + 4,
						group.approved() * scale, group.unapproved() * scale));
			}
			return new AccessBars(bars, groups.size() * ROW + 8, width, left);
		}

		public String viewBox() {
			return "0 0 " + width + " " + height;
		}

		public boolean isEmpty() {
			return bars.isEmpty();
		}

	}

	record Bar(AccessViewGroup group, String label, int y, double approvedWidth, double unapprovedWidth) {

		public double unapprovedX(int left) {
			return left + approvedWidth;
		}

	}

}
