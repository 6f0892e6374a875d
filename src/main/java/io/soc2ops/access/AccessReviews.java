package io.soc2ops.access;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.User;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Periodic access reviews [CC6.2, CC6.3]. A campaign freezes every holding of its scope
 * that existed at its snapshot moment into items (so reviewers decide on what existed
 * then, whatever the inventory says since) and gives each to a reviewer: the person's
 * manager, else the account's owner, never the person themself; the rest wait for a
 * campaign manager to assign them. The assigned reviewer keeps or revokes each item (a
 * revocation needs a comment and opens a removal); a decision is final. The campaign's
 * creation (with a digest of the frozen items), every decision, every reassignment and
 * its completion are ledger entries; its evidence is a download ({@link #writeEvidence}).
 * <p>
 * The digest is SHA-256 over the items in holding order, each as its holding ID, kind,
 * account, person, principal, entitlement, entitlement reference, via and first seen
 * (ISO-8601), every field written as its UTF-8 length, a colon and its bytes, and each
 * item ended by a line feed.
 */
@Service
public class AccessReviews {

	public static final int MAX_NAME = 200;

	public static final int MAX_COMMENT = 2000;

	/** The most items one decision or reassignment takes. */
	public static final int MAX_BATCH = 1000;

	/** The furthest ahead a campaign may be due. */
	public static final int MAX_DUE_DAYS = 365;

	private final ReviewCampaignStore store;

	private final AccessRemovals removals;

	private final ReviewEvidence evidence;

	private final ReviewIamLookup iam;

	private final EvidenceLedger ledger;

	private final Users users;

	private final ReviewSettings settings;

	private final Clock clock;

	AccessReviews(ReviewCampaignStore store, AccessRemovals removals, ReviewEvidence evidence, ReviewIamLookup iam,
			EvidenceLedger ledger, Users users, ReviewSettings settings, Clock clock) {
		this.iam = iam;
		this.store = store;
		this.removals = removals;
		this.evidence = evidence;
		this.ledger = ledger;
		this.users = users;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Freezes the access of the scope at the snapshot moment into a new campaign and
	 * assigns its items.
	 * @throws AccessRefused naming the field that does not hold, when nothing was held in
	 * scope then, or when {@code by} may not manage reviews
	 */
	@Transactional
	public ReviewCampaign create(ReviewCampaignRequest request, Actor by) {
		Instant now = clock.instant();
		String name = name(request.name());
		Instant snapshotAt = request.snapshotAt().orElse(now);
		if (snapshotAt.isAfter(now)) {
			throw AccessRefused.invalid("snapshotAt: must not be in the future (now is " + now + ")");
		}
		var start = store.historyStart()
			.orElseThrow(() -> AccessRefused.invalid("snapshotAt: the inventory holds no access yet"));
		if (snapshotAt.isBefore(start)) {
			throw AccessRefused
				.invalid("snapshotAt: " + snapshotAt + " is before the inventory's history begins (" + start + ")");
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate dueOn = request.dueOn();
		if (!dueOn.isAfter(today) || dueOn.isAfter(today.plusDays(MAX_DUE_DAYS))) {
			throw AccessRefused.invalid("dueOn: must be after today (" + today + ") and at most " + MAX_DUE_DAYS
					+ " days ahead, but was " + dueOn);
		}
		require(by, Capability.MANAGE_ACCESS_REVIEWS, "create access reviews", true);
		Instant dueAt = dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		long id = store.insert(name, request.scope(), snapshotAt, dueAt, now, by.toString());
		int items = store.freeze(id, request.scope(), snapshotAt);
		if (items == 0) {
			throw AccessRefused.invalid("scope: no access was held in scope at " + snapshotAt);
		}
		var digest = new ReviewDigest();
		store.forEachItem(id, item -> digest.add(ReviewDigest.identity(item)));
		store.frozen(id, items, digest.hex());
		var campaign = store.find(id, now).orElseThrow();
		var progress = store.progress(id);
		var payload = new LinkedHashMap<String, Object>();
		payload.put("name", name);
		payload.put("accounts", campaign.scope().allAccounts() ? "all" : campaign.scope().accounts());
		payload.put("kinds", campaign.scope().kinds().isEmpty() ? "all" : campaign.scope().kindsColumn());
		payload.put("snapshotAt", snapshotAt.toString());
		payload.put("dueAt", dueAt.toString());
		payload.put("items", items);
		payload.put("digest", campaign.digest());
		payload.put("reviewers", progress.stream().filter(p -> !p.unassigned()).count());
		payload.put("unassigned",
				progress.stream().filter(ReviewerProgress::unassigned).mapToLong(ReviewerProgress::items).sum());
		record("access.review-campaign-created", by, campaign, payload);
		return campaign;
	}

	@Transactional(readOnly = true)
	public Optional<ReviewCampaign> find(long id) {
		return store.find(id, clock.instant());
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public List<ReviewCampaign> list(int limit) {
		return store.list(Math.clamp(limit, 1, 1000), clock.instant());
	}

	/**
	 * A page of the campaign's items: {@code me}'s first, then the unassigned, then by
	 * reviewer, account and person.
	 */
	@Transactional(readOnly = true)
	public ReviewItemPage items(long campaign, ReviewItemFilter filter, String me, int page, int size) {
		existing(campaign);
		if (page < 1 || size < 1 || size > 500) {
			throw new IllegalArgumentException("page must be 1 or more and size 1-500");
		}
		return store.page(campaign, filter, me, page, size);
	}

	/**
	 * Per reviewer, by name; the unassigned items as {@link ReviewItemFilter#UNASSIGNED}.
	 */
	@Transactional(readOnly = true)
	public List<ReviewerProgress> progress(long campaign) {
		existing(campaign);
		return store.progress(campaign);
	}

	/**
	 * The Security Hub IAM control results ({@code IAM.x}) on these items' accounts and
	 * IAM users, as they stand now.
	 */
	@Transactional(readOnly = true)
	public ReviewIamControls iamControls(List<ReviewItem> items) {
		return iam.of(items);
	}

	/**
	 * The assigned reviewer's decision on items of a campaign: all of them take it, or
	 * none.
	 * @param comment required to revoke
	 * @throws AccessRefused when an item is not the caller's, was decided already (a
	 * decision is final) or does not exist, or a field does not hold
	 */
	@Transactional
	public ReviewDecided decide(long campaign, List<Long> itemIds, ReviewDecision decision, @Nullable String comment,
			Actor by) {
		var ids = batch(itemIds);
		String text = comment(comment, decision == ReviewDecision.REVOKE);
		require(by, Capability.REVIEW_ACCESS, "review access", false);
		if (!store.lock(campaign)) {
			throw AccessRefused.notFound("access review " + campaign + " does not exist");
		}
		var items = store.items(campaign, ids);
		if (items.size() < ids.size()) {
			var found = items.stream().map(ReviewItem::id).toList();
			long missing = ids.stream().filter(id -> !found.contains(id)).findFirst().orElseThrow();
			throw AccessRefused.notFound("access review " + campaign + " has no item " + missing);
		}
		var selves = store.personUsers(campaign, ids);
		for (var item : items) {
			if (item.decision().isPresent()) {
				throw AccessRefused.conflict("item " + item.id() + " was decided already (" + item.decision().get()
						+ " by " + item.decidedBy().orElse("?") + "); a decision is final");
			}
			if (!item.reviewer().map(by.name()::equals).orElse(false)) {
				throw AccessRefused.forbidden("item " + item.id() + " is assigned to "
						+ item.reviewer().orElse("nobody") + "; only its reviewer decides on it");
			}
			if (by.name().equals(selves.get(item.id()))) {
				throw AccessRefused.forbidden("item " + item.id() + " is " + by.name() + "'s own access");
			}
		}
		Instant now = clock.instant();
		if (store.decide(campaign, ids, by.name(), decision, text, by.toString(), now) != ids.size()) {
			throw AccessRefused.conflict("items of access review " + campaign + " were decided meanwhile");
		}
		var opened = new ArrayList<Long>();
		if (decision == ReviewDecision.REVOKE) {
			for (var item : items) {
				var removal = removals.open(RemovalReason.REVIEW, "review-item:" + item.id(), item.holding(),
						now.plus(settings.removalWithin()), by);
				store.removal(item.id(), removal.id());
				opened.add(removal.id());
			}
		}
		boolean revoke = decision == ReviewDecision.REVOKE;
		store.count(campaign, revoke ? 0 : ids.size(), revoke ? ids.size() : 0);
		var decided = store.find(campaign, now).orElseThrow();
		var payload = new LinkedHashMap<String, Object>();
		payload.put("decision", decision.name());
		payload.put("items", List.copyOf(ids));
		if (text != null) {
			payload.put("comment", text);
		}
		if (!opened.isEmpty()) {
			payload.put("removals", opened);
		}
		record("access.review-decided", by, decided, payload);
		boolean completed = store.complete(campaign, now);
		if (completed) {
			recordCompletion(store.find(campaign, now).orElseThrow());
		}
		return new ReviewDecided(decision, ids.size(), opened, completed);
	}

	/**
	 * Gives open items to another reviewer: those listed, or every open item of
	 * {@code from} ({@link ReviewItemFilter#UNASSIGNED}: the unassigned ones). An item
	 * never goes to its own person: those stay where they are.
	 * @return how many moved
	 */
	@Transactional
	public int reassign(long campaign, List<Long> itemIds, @Nullable String from, String to, Actor by) {
		require(by, Capability.MANAGE_ACCESS_REVIEWS, "assign review items", false);
		var campaignNow = existing(campaign);
		if (campaignNow.state() == ReviewCampaign.State.COMPLETED) {
			throw AccessRefused.conflict("access review " + campaign + " is completed");
		}
		String reviewer = reviewer(to);
		int moved;
		var payload = new LinkedHashMap<String, Object>();
		if (itemIds.isEmpty()) {
			if (from == null || from.isBlank()) {
				throw AccessRefused.invalid("items: name the items, or the reviewer whose items move");
			}
			boolean unassigned = from.strip().equals(ReviewItemFilter.UNASSIGNED);
			moved = store.reassignAll(campaign, unassigned ? null : from.strip(), reviewer);
			payload.put("from", unassigned ? "unassigned" : from.strip());
		}
		else {
			var ids = batch(itemIds);
			if (store.items(campaign, ids).size() < ids.size()) {
				throw AccessRefused.notFound("access review " + campaign + " does not hold every item listed");
			}
			moved = store.reassign(campaign, ids, reviewer);
			payload.put("items", List.copyOf(ids));
		}
		payload.put("to", reviewer);
		payload.put("moved", moved);
		record("access.review-reassigned", by, campaignNow, payload);
		return moved;
	}

	/**
	 * Writes the campaign's evidence as a ZIP: {@code items.csv} (one row per item with
	 * its decision and removal), {@code summary.json} and a print-ready
	 * {@code summary.html}; the items are read through a cursor, never all at once.
	 */
	@Transactional(readOnly = true)
	public void writeEvidence(long campaign, OutputStream out) throws IOException {
		evidence.write(existing(campaign), out);
	}

	private ReviewCampaign existing(long campaign) {
		return store.find(campaign, clock.instant())
			.orElseThrow(() -> AccessRefused.notFound("access review " + campaign + " does not exist"));
	}

	private void recordCompletion(ReviewCampaign campaign) {
		var decisions = new ReviewDigest();
		store.forEachItem(campaign.id(), item -> decisions.add(ReviewDigest.decision(item)));
		var reviewers = new LinkedHashMap<String, Object>();
		for (var progress : store.progress(campaign.id())) {
			reviewers.put(progress.reviewer(),
					Map.of("items", progress.items(), "kept", progress.kept(), "revoked", progress.revoked()));
		}
		var payload = new LinkedHashMap<String, Object>();
		payload.put("items", campaign.itemCount());
		payload.put("kept", campaign.kept());
		payload.put("revoked", campaign.revoked());
		payload.put("digest", campaign.digest());
		payload.put("decisionsDigest", decisions.hex());
		payload.put("reviewers", reviewers);
		record("access.review-campaign-completed", Actor.system("access"), campaign, payload);
	}

	/** An enabled user who may review. */
	private String reviewer(String to) {
		Username name;
		try {
			name = Username.of(to.strip());
		}
		catch (IllegalArgumentException ex) {
			throw AccessRefused.invalid("to: " + ex.getMessage());
		}
		var user = users.find(name).filter(User::enabled);
		if (user.isEmpty()) {
			throw AccessRefused.invalid("to: no enabled user " + name);
		}
		if (!Capability.REVIEW_ACCESS.allows(user.get().roles())) {
			throw AccessRefused.invalid(
					"to: " + name + " may not review access (needs one of " + Capability.REVIEW_ACCESS.roles() + ")");
		}
		return name.value();
	}

	private static List<Long> batch(List<Long> itemIds) {
		var ids = new LinkedHashSet<>(itemIds);
		if (ids.isEmpty() || ids.size() > MAX_BATCH) {
			throw AccessRefused.invalid("items: must list 1-" + MAX_BATCH + " item IDs");
		}
		return List.copyOf(ids);
	}

	private static String name(@Nullable String name) {
		if (name == null || name.isBlank() || name.strip().length() > MAX_NAME
				|| name.chars().anyMatch(Character::isISOControl)) {
			throw AccessRefused.invalid("name: 1-" + MAX_NAME + " characters without control characters");
		}
		return name.strip();
	}

	private static @Nullable String comment(@Nullable String comment, boolean required) {
		if (comment == null || comment.isBlank()) {
			if (required) {
				throw AccessRefused.invalid("comment: is required to revoke");
			}
			return null;
		}
		if (comment.length() > MAX_COMMENT) {
			throw AccessRefused.invalid("comment: is " + comment.length() + " characters; at most " + MAX_COMMENT);
		}
		if (comment.indexOf('\0') >= 0) {
			throw AccessRefused.invalid("comment: holds a NUL character, which cannot be stored");
		}
		return comment.strip();
	}

	/**
	 * A person must hold one of the capability's roles now; a part of the system may
	 * create campaigns (a quarterly schedule) but never decide or assign.
	 */
	private void require(Actor by, Capability capability, String what, boolean systemMay) {
		if (by.kind() == Actor.Kind.SYSTEM) {
			if (systemMay) {
				return;
			}
			throw AccessRefused.forbidden(by + " may not " + what + ": that takes a person");
		}
		var roles = users.person(by).map(User::roles).orElse(Set.<Role>of());
		if (!capability.allows(roles)) {
			throw AccessRefused.forbidden(
					by.name() + " may not " + what + " (that needs one of the roles " + capability.roles() + ")");
		}
	}

	private void record(String action, Actor by, ReviewCampaign campaign, Map<String, ?> payload) {
		ledger.record(new EvidenceRecord(action, by, "access", campaign.subject(),
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), payload));
	}

}
