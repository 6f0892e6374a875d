package io.soc2ops.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.access.AccessReviewOwners;
import io.soc2ops.access.AccessReviews;
import io.soc2ops.access.HoldingKind;
import io.soc2ops.access.ReviewAccountOwner;
import io.soc2ops.access.ReviewCampaign;
import io.soc2ops.access.ReviewCampaignRequest;
import io.soc2ops.access.ReviewDecided;
import io.soc2ops.access.ReviewItemFilter;
import io.soc2ops.access.ReviewItemPage;
import io.soc2ops.access.ReviewScope;
import io.soc2ops.access.ReviewerProgress;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Access review campaigns and account owners: everyone reads them and downloads a
 * campaign's evidence; ADMIN and OPERATOR create campaigns, assign items and set owners;
 * the assigned reviewer (ADMIN, OPERATOR, APPROVER, ENGINEER) keeps or revokes. Refusals
 * are problems: 400 naming the field, 403 for an item that is not the caller's, 404 for
 * an unknown campaign or item, 409 for an item decided already.
 */
@RestController
@RequestMapping("/api/v1/access")
@Tag(name = "Access reviews")
class AccessReviewsApi {

	private final AccessReviews reviews;

	private final AccessReviewOwners owners;

	AccessReviewsApi(AccessReviews reviews, AccessReviewOwners owners) {
		this.reviews = reviews;
		this.owners = owners;
	}

	@GetMapping("/reviews")
	@Operation(summary = "Campaigns, newest first")
	List<ReviewCampaign> list(@RequestParam(defaultValue = "100") int limit) {
		return reviews.list(limit);
	}

	@PostMapping("/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a campaign: name, dueOn (after today, at most 365 days ahead), optional accounts"
			+ " (none: every account), kinds (ASSIGNMENT, IAM_USER; none: both) and snapshotAt (a past moment;"
			+ " none: now). The holdings of the scope at snapshotAt are frozen into its items.")
	ReviewCampaign create(@RequestBody CampaignBody body, Authentication authentication) {
		return reviews.create(body.request(), Actor.user(authentication.getName()));
	}

	@GetMapping("/reviews/{id}")
	@Operation(summary = "One campaign")
	ReviewCampaign one(@PathVariable String id) {
		return reviews.find(AccessReviewsController.id(id)).orElseThrow(() -> NotFound.of("no access review " + id));
	}

	@GetMapping("/reviews/{id}/items")
	@Operation(summary = "A page of a campaign's items; reviewer ('-' for unassigned), account, status (open, kept,"
			+ " revoked) and q filter them")
	ReviewItemPage items(@PathVariable String id, @RequestParam(required = false) @Nullable String reviewer,
			@RequestParam(required = false) @Nullable String account,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int size,
			Authentication authentication) {
		var filter = new ReviewItemFilter(reviewer, account,
				status == null || status.isBlank() ? null : ReviewItemFilter.Status.parse(status), q);
		return reviews.items(AccessReviewsController.id(id), filter, authentication.getName(), page, size);
	}

	@GetMapping("/reviews/{id}/reviewers")
	@Operation(summary = "How far each reviewer is ('-': the unassigned items)")
	List<ReviewerProgress> reviewers(@PathVariable String id) {
		return reviews.progress(AccessReviewsController.id(id));
	}

	@PostMapping("/reviews/{id}/decisions")
	@Operation(summary = "Keep or revoke items assigned to the caller (a comment is required to revoke); a decision"
			+ " is final")
	ReviewDecided decide(@PathVariable String id, @RequestBody DecisionBody body, Authentication authentication) {
		return reviews.decide(AccessReviewsController.id(id), body.itemIds(),
				AccessReviewsController.decision(body.decision() == null ? "" : body.decision()), body.comment(),
				Actor.user(authentication.getName()));
	}

	@PostMapping("/reviews/{id}/reassign")
	@Operation(summary = "Give open items to another reviewer: the items listed, or every open item of 'from'"
			+ " ('-': the unassigned ones)")
	Moved reassign(@PathVariable String id, @RequestBody ReassignBody body, Authentication authentication) {
		return new Moved(reviews.reassign(AccessReviewsController.id(id), body.itemIds(), body.from(),
				body.to() == null ? "" : body.to(), Actor.user(authentication.getName())));
	}

	@GetMapping("/reviews/{id}/evidence")
	@Operation(summary = "The campaign's evidence: a ZIP of items.csv, summary.json and summary.html")
	void evidence(@PathVariable String id, HttpServletResponse response) throws IOException {
		AccessReviewsController.evidence(reviews, AccessReviewsController.id(id), response);
	}

	@GetMapping("/account-owners")
	@Operation(summary = "Who owns each account (reviews the access of people without a manager)")
	List<ReviewAccountOwner> owners() {
		return owners.all();
	}

	@PutMapping("/account-owners/{id}")
	@Operation(summary = "Set an account's owner: a soc2ops username")
	ReviewAccountOwner setOwner(@PathVariable String id, @RequestBody OwnerBody body, Authentication authentication) {
		return owners.set(id, body.owner() == null ? "" : body.owner(), Actor.user(authentication.getName()));
	}

	@DeleteMapping("/account-owners/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an account's owner")
	void removeOwner(@PathVariable String id, Authentication authentication) {
		if (!owners.remove(id, Actor.user(authentication.getName()))) {
			throw NotFound.of("account " + QueryParameters.shown(id) + " has no owner");
		}
	}

	/**
	 * A campaign as asked for; {@code AccessReviews} names any part that does not hold.
	 */
	record CampaignBody(@Nullable String name, @Nullable List<String> accounts, @Nullable Set<HoldingKind> kinds,
			@Nullable Instant snapshotAt, @Nullable LocalDate dueOn) {

		ReviewCampaignRequest request() {
			if (dueOn == null) {
				throw new IllegalArgumentException("dueOn: is required (the last day of the review)");
			}
			if (accounts != null && accounts.contains(null) || kinds != null && kinds.contains(null)) {
				throw new IllegalArgumentException("accounts and kinds: without nulls");
			}
			return new ReviewCampaignRequest(name == null ? "" : name,
					new ReviewScope(accounts == null ? List.of() : accounts, kinds == null ? Set.of() : kinds),
					Optional.ofNullable(snapshotAt), dueOn);
		}

	}

	/** A decision on items: KEEP or REVOKE. */
	record DecisionBody(@Nullable List<Long> items, @Nullable String decision, @Nullable String comment) {

		List<Long> itemIds() {
			if (items != null && items.contains(null)) {
				throw new IllegalArgumentException("items: item IDs, without nulls");
			}
			return items == null ? List.of() : items;
		}

	}

	record ReassignBody(@Nullable List<Long> items, @Nullable String from, @Nullable String to) {

		List<Long> itemIds() {
			if (items != null && items.contains(null)) {
				throw new IllegalArgumentException("items: item IDs, without nulls");
			}
			return items == null ? List.of() : items;
		}

	}

	record OwnerBody(@Nullable String owner) {
	}

	record Moved(int moved) {
	}

}
