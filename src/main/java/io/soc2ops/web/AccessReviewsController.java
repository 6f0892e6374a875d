package io.soc2ops.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.AccessReviews;
import io.soc2ops.access.HoldingKind;
import io.soc2ops.access.ReviewCampaignRequest;
import io.soc2ops.access.ReviewDecision;
import io.soc2ops.access.ReviewItemFilter;
import io.soc2ops.access.ReviewScope;
import io.soc2ops.access.ReviewerProgress;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * Access review campaigns: the list with progress and the form that starts one; a
 * campaign's page with its items (the viewer's open ones first), keep and revoke per item
 * and for many at once, reassignment for campaign managers, the Security Hub IAM results
 * beside the items; and the evidence download. The module decides who may do what and
 * says why not.
 */
@Controller
class AccessReviewsController {

	static final int PAGE_SIZE = 100;

	private final AccessReviews reviews;

	private final Clock clock;

	AccessReviewsController(AccessReviews reviews, Clock clock) {
		this.reviews = reviews;
		this.clock = clock;
	}

	@GetMapping("/access/reviews")
	String list(Authentication authentication, Model model) {
		return list(CampaignForm.empty(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)), authentication, model);
	}

	@PostMapping("/access/reviews")
	String create(CampaignForm form, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			var campaign = reviews.create(form.request(), Actor.user(authentication.getName()));
			redirect.addFlashAttribute("created", campaign.itemCount());
			return "redirect:/access/reviews/" + campaign.id();
		}
		catch (AccessRefused ex) {
			response.setStatus(status(ex));
			model.addAttribute("problem", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
		}
		return list(form, authentication, model);
	}

	@GetMapping("/access/reviews/{id}")
	String campaign(@PathVariable String id, @RequestParam(required = false) @Nullable String reviewer,
			@RequestParam(required = false) @Nullable String account,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "1") int page, Authentication authentication, Model model,
			HttpServletResponse response) {
		long campaignId = id(id);
		var campaign = reviews.find(campaignId).orElseThrow(() -> NotFound.of("no access review " + id));
		String me = authentication.getName();
		var progress = reviews.progress(campaignId);
		var mine = progress.stream().filter(p -> p.reviewer().equals(me)).findFirst();
		ReviewItemFilter filter;
		try {
			boolean unfiltered = reviewer == null && account == null && status == null && q == null;
			filter = unfiltered && mine.map(p -> p.open() > 0).orElse(false)
					? new ReviewItemFilter(me, null, ReviewItemFilter.Status.OPEN, null)
					: new ReviewItemFilter(reviewer, account, status == null || status.isBlank() || status.equals("all")
							? null : ReviewItemFilter.Status.parse(status), q);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			filter = ReviewItemFilter.ALL;
		}
		var items = reviews.items(campaignId, filter, me, Math.max(1, page), PAGE_SIZE);
		var ordered = new ArrayList<ReviewerProgress>();
		mine.ifPresent(ordered::add);
		progress.stream().filter(p -> !p.reviewer().equals(me)).forEach(ordered::add);
		model.addAttribute("campaign", campaign);
		model.addAttribute("progress", ordered);
		model.addAttribute("items", items);
		model.addAttribute("iam", reviews.iamControls(items.items()));
		model.addAttribute("filter", filter);
		model.addAttribute("statusChosen",
				filter.status() == null ? "all" : filter.status().name().toLowerCase(Locale.ROOT));
		model.addAttribute("me", me);
		model.addAttribute("mayManage", Capability.MANAGE_ACCESS_REVIEWS.allows(authentication));
		model.addAttribute("mayReview", Capability.REVIEW_ACCESS.allows(authentication));
		model.addAttribute("pageLink", pageLink(campaignId, filter));
		return "access-review";
	}

	@PostMapping("/access/reviews/{id}/decisions")
	String decide(@PathVariable String id, @RequestParam(name = "item", required = false) @Nullable List<String> picked,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
			@RequestParam(defaultValue = "") String back, Authentication authentication, RedirectAttributes redirect) {
		long campaignId = id(id);
		try {
			var chosen = decision(decision);
			var decided = reviews.decide(campaignId, ids(picked), chosen, comment,
					Actor.user(authentication.getName()));
			redirect.addFlashAttribute("decided", decided.decision().name());
			redirect.addFlashAttribute("decidedCount", decided.items());
			redirect.addFlashAttribute("completed", decided.completed());
		}
		catch (AccessRefused ex) {
			if (ex.reason() == AccessRefused.Reason.NOT_FOUND) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("typed", comment);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:" + back(campaignId, back);
	}

	@PostMapping("/access/reviews/{id}/reassign")
	String reassign(@PathVariable String id,
			@RequestParam(name = "item", required = false) @Nullable List<String> picked,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String back, Authentication authentication, RedirectAttributes redirect) {
		long campaignId = id(id);
		try {
			int moved = reviews.reassign(campaignId, picked == null ? List.of() : ids(picked), from, to,
					Actor.user(authentication.getName()));
			redirect.addFlashAttribute("moved", moved);
			redirect.addFlashAttribute("movedTo", to);
		}
		catch (AccessRefused ex) {
			if (ex.reason() == AccessRefused.Reason.NOT_FOUND) {
				throw NotFound.of(ex.getMessage());
			}
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:" + back(campaignId, back);
	}

	/** The evidence ZIP, streamed as the items are read. */
	@GetMapping("/access/reviews/{id}/evidence")
	void evidence(@PathVariable String id, HttpServletResponse response) throws IOException {
		evidence(reviews, id(id), response);
	}

	static void evidence(AccessReviews reviews, long campaign, HttpServletResponse response) throws IOException {
		if (reviews.find(campaign).isEmpty()) {
			throw NotFound.of("no access review " + campaign);
		}
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("access-review-" + campaign + "-evidence.zip")
					.build()
					.toString());
		reviews.writeEvidence(campaign, response.getOutputStream());
		response.flushBuffer();
	}

	private String list(CampaignForm form, Authentication authentication, Model model) {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		model.addAttribute("campaigns", reviews.list(200));
		model.addAttribute("form", form);
		model.addAttribute("mayManage", Capability.MANAGE_ACCESS_REVIEWS.allows(authentication));
		model.addAttribute("earliestDue", today.plusDays(1));
		model.addAttribute("latestDue", today.plusDays(AccessReviews.MAX_DUE_DAYS));
		return "access-reviews";
	}

	/**
	 * Where to go after a change: the page the form was on, if it was this campaign's.
	 */
	private static String back(long campaign, String back) {
		String page = "/access/reviews/" + campaign;
		return back.equals(page) || back.startsWith(page + "?") ? back : page;
	}

	private static String pageLink(long campaign, ReviewItemFilter filter) {
		var link = UriComponentsBuilder.fromPath("/access/reviews/" + campaign);
		if (filter.reviewer() != null) {
			link.queryParam("reviewer", filter.reviewer());
		}
		if (filter.account() != null) {
			link.queryParam("account", filter.account());
		}
		link.queryParam("status", filter.status() == null ? "all" : filter.status().name().toLowerCase(Locale.ROOT));
		if (filter.text() != null) {
			link.queryParam("q", filter.text());
		}
		return link.encode().build().toUriString();
	}

	static long id(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw NotFound.of("no access review " + QueryParameters.shown(text));
		}
	}

	static ReviewDecision decision(String text) {
		try {
			return ReviewDecision.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"decision: '" + QueryParameters.shown(text) + "' is not one of keep, revoke", ex);
		}
	}

	private static List<Long> ids(@Nullable List<String> picked) {
		var ids = new ArrayList<Long>();
		for (String text : picked == null ? List.<String>of() : picked) {
			for (String part : text.split(",")) {
				if (!part.isBlank()) {
					try {
						ids.add(Long.parseLong(part.strip()));
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException(
								"items: '" + QueryParameters.shown(part) + "' is not an item ID", ex);
					}
				}
			}
		}
		return ids;
	}

	private static int status(AccessRefused ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
			case CONFLICT -> HttpServletResponse.SC_CONFLICT;
			case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
			case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
		};
	}

	/** The form that starts a campaign, as typed. */
	record CampaignForm(@Nullable String name, @Nullable String accounts, @Nullable List<String> kinds,
			@Nullable String snapshotAt, @Nullable String dueOn) {

		static CampaignForm empty(LocalDate today) {
			return new CampaignForm("", "", List.of(), "", today.plusDays(30).toString());
		}

		public boolean hasKind(String kind) {
			return kinds != null && kinds.contains(kind);
		}

		ReviewCampaignRequest request() {
			var accountIds = accounts == null || accounts.isBlank() ? List.<String>of()
					: Arrays.stream(accounts.split("[,\\s]+")).filter(a -> !a.isBlank()).toList();
			Set<HoldingKind> chosen = EnumSet.noneOf(HoldingKind.class);
			for (String kind : kinds == null ? List.<String>of() : kinds) {
				try {
					chosen.add(HoldingKind.valueOf(kind));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("kinds: '" + QueryParameters.shown(kind) + "' is not a kind",
							ex);
				}
			}
			return new ReviewCampaignRequest(name == null ? "" : name, new ReviewScope(accountIds, chosen), snapshot(),
					due());
		}

		private Optional<Instant> snapshot() {
			if (snapshotAt == null || snapshotAt.isBlank()) {
				return Optional.empty();
			}
			try {
				return Optional.of(LocalDateTime.parse(snapshotAt.strip()).toInstant(ZoneOffset.UTC));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("snapshotAt: must be a UTC time like 2026-09-30T23:59 but was '"
						+ QueryParameters.shown(snapshotAt) + "'", ex);
			}
		}

		private LocalDate due() {
			try {
				return LocalDate.parse(dueOn == null ? "" : dueOn.strip());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("dueOn: must be a date like 2026-12-31 but was '"
						+ QueryParameters.shown(String.valueOf(dueOn)) + "'", ex);
			}
		}

	}

}
