package io.soc2ops.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import io.soc2ops.access.AccessRemovals;
import io.soc2ops.access.AccessReviews;
import io.soc2ops.access.HoldingKind;
import io.soc2ops.access.RemovalMethod;
import io.soc2ops.access.ReviewCampaign;
import io.soc2ops.access.ReviewCampaignRequest;
import io.soc2ops.access.ReviewDecision;
import io.soc2ops.access.ReviewItem;
import io.soc2ops.access.ReviewItemFilter;
import io.soc2ops.access.ReviewScope;
import io.soc2ops.evidence.Actor;

/**
 * The demo's access review campaigns, each decided by the reviewers it assigned: last
 * quarter's, of the access held {@value #FINISHED_DAYS_AGO} days ago, completed (one
 * direct administrator assignment revoked and removed, the approver's own access given to
 * the second approver); and this quarter's, of the access held now, under way: the
 * security engineer has decided the IAM users she owns (the break-glass user revoked),
 * the SRE part of his report's, the approver two people's; the rest waits for them, and
 * the approver's own access for a campaign manager to assign it.
 */
@Component
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
class DemoAccessReviews {

	static final int FINISHED_DAYS_AGO = 95;

	static final int RUNNING_DUE_IN_DAYS = 10;

	private final AccessReviews reviews;

	private final AccessRemovals removals;

	private final Clock clock;

	DemoAccessReviews(AccessReviews reviews, AccessRemovals removals, Clock clock) {
		this.reviews = reviews;
		this.removals = removals;
		this.clock = clock;
	}

	/** Last quarter's campaign, of the access held at {@code snapshotAt}, completed. */
	ReviewCampaign finished(DemoAccessData data, Instant snapshotAt, Actor manager) {
		var campaign = reviews.create(new ReviewCampaignRequest("Quarterly access review " + quarter(snapshotAt),
				ReviewScope.EVERYTHING, Optional.of(snapshotAt), today().plusDays(1)), manager);
		reviews.reassign(campaign.id(), List.of(), ReviewItemFilter.UNASSIGNED, DemoAccess.SECOND_APPROVER, manager);
		var revoked = data.assignments().stream().filter(a -> a.revokedInReview() != null).toList();
		for (var assignment : revoked) {
			var item = items(campaign).stream()
				.filter(i -> i.kind() == HoldingKind.ASSIGNMENT && i.accountId().equals(assignment.account())
						&& i.entitlement().equals(assignment.permissionSet()) && i.via().isEmpty()
						&& i.principal().equals(assignment.user()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("demo/access.json: the finished review has no item for "
						+ assignment.user() + " " + assignment.permissionSet() + " in " + assignment.account()));
			var decided = reviews.decide(campaign.id(), List.of(item.id()), ReviewDecision.REVOKE,
					assignment.revokedInReview(), Actor.user(item.reviewer().orElseThrow()));
			removals.confirm(decided.removals().getFirst(), RemovalMethod.OPERATOR, manager,
					"Account assignment deleted in IAM Identity Center.");
		}
		keep(campaign, item -> true, "Still needed for their role.");
		return reviews.find(campaign.id()).orElseThrow();
	}

	/** This quarter's campaign, of the access held now, due in some days, under way. */
	ReviewCampaign running(Actor manager) {
		var now = clock.instant();
		var campaign = reviews.create(new ReviewCampaignRequest("Quarterly access review " + quarter(now),
				ReviewScope.EVERYTHING, Optional.empty(), today().plusDays(RUNNING_DUE_IN_DAYS)), manager);
		var breakGlass = items(campaign).stream().filter(i -> i.principal().equals("legacy-admin")).toList();
		for (var item : breakGlass) {
			reviews.decide(campaign.id(), List.of(item.id()), ReviewDecision.REVOKE,
					"No MFA and no longer needed: the administrators sign in through IAM Identity Center.",
					Actor.user(item.reviewer().orElseThrow()));
		}
		keep(campaign, item -> item.kind() == HoldingKind.IAM_USER,
				"The CI pipeline's deploy user; key rotation " + "is tracked in OPS-122.");
		keep(campaign, item -> !item.via().isEmpty() && item.person().value().startsWith("ito.mei@"),
				"Platform team member.");
		keep(campaign, item -> item.person().value().startsWith("kobayashi.sho@")
				|| item.person().value().startsWith("nakamura.aoi@"), "Needed for their work.");
		return reviews.find(campaign.id()).orElseThrow();
	}

	/** The open, assigned items that match, kept by each one's reviewer. */
	private void keep(ReviewCampaign campaign, Predicate<ReviewItem> which, String comment) {
		Map<String, List<Long>> byReviewer = items(campaign).stream()
			.filter(item -> item.open() && item.reviewer().isPresent() && which.test(item))
			.collect(Collectors.groupingBy(item -> item.reviewer().orElseThrow(),
					Collectors.mapping(ReviewItem::id, Collectors.toList())));
		byReviewer.forEach((reviewer, ids) -> reviews.decide(campaign.id(), ids, ReviewDecision.KEEP, comment,
				Actor.user(reviewer)));
	}

	private List<ReviewItem> items(ReviewCampaign campaign) {
		return reviews.items(campaign.id(), ReviewItemFilter.ALL, "", 1, 500).items();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static String quarter(Instant at) {
		var day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

}
