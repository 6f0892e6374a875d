package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign freezes exactly the holdings of its scope at its snapshot moment and gives
 * each to the person's manager, else the account's owner, never the person themself; the
 * assigned reviewer keeps or revokes (a revocation opens a removal), once; the last
 * decision completes the campaign; the evidence download holds every item and a summary
 * whose digest matches.
 */
@ReviewContext
class AccessReviewsTests {

	static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");

	static final LocalDate DUE = LocalDate.of(2026, 10, 31);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	AccessReviews reviews;

	@Autowired
	AccessReviewOwners owners;

	@Autowired
	AccessRemovals removals;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	FindingsIntake findings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	MovableClock clock;

	ReviewFixtures fixtures;

	String account;

	String admin;

	@BeforeEach
	void setUp() {
		clock.set(NOW);
		fixtures = new ReviewFixtures(jdbc, users);
		account = ReviewFixtures.account();
		admin = fixtures.user("review-admin", Role.ADMIN);
	}

	@Test
	void aCampaignFreezesExactlyTheHoldingsOfItsSnapshotMoment() {
		Instant snapshot = NOW.minus(Duration.ofDays(1));
		long held = fixtures.assignment(account, "held@example.com", "ReadOnly", "",
				snapshot.minus(Duration.ofDays(30)), null);
		long sinceExactly = fixtures.assignment(account, "exact@example.com", "ReadOnly", "", snapshot, null);
		long goneAfter = fixtures.assignment(account, "later@example.com", "Admin", "",
				snapshot.minus(Duration.ofDays(9)), snapshot.plus(Duration.ofHours(1)));
		fixtures.assignment(account, "added@example.com", "Admin", "", snapshot.plus(Duration.ofHours(1)), null);
		fixtures.assignment(account, "before@example.com", "Admin", "", snapshot.minus(Duration.ofDays(9)),
				snapshot.minus(Duration.ofHours(1)));
		fixtures.assignment(account, "goneat@example.com", "Admin", "", snapshot.minus(Duration.ofDays(9)), snapshot);
		fixtures.assignment(ReviewFixtures.account(), "elsewhere@example.com", "Admin", "",
				snapshot.minus(Duration.ofDays(9)), null);
		long entries = ledger.size();

		var campaign = create("Q3 production", snapshot);

		assertThat(holdings(campaign)).containsExactlyInAnyOrder(held, sinceExactly, goneAfter);
		assertThat(campaign.itemCount()).isEqualTo(3);
		assertThat(campaign.digest()).matches("[0-9a-f]{64}");
		assertThat(campaign.state()).isEqualTo(ReviewCampaign.State.OPEN);
		assertThat(campaign.snapshotAt()).isEqualTo(snapshot);
		assertThat(campaign.dueAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(ledger.size()).isEqualTo(entries + 1);
		var created = ledger.about(campaign.subject(), 5).getFirst();
		assertThat(created.action()).isEqualTo("access.review-campaign-created");
		assertThat(created.payload()).contains("\"items\":3")
			.contains("\"digest\":\"" + campaign.digest() + "\"")
			.contains("\"snapshotAt\":\"" + snapshot + "\"");

		// what happens to the inventory afterwards never alters the campaign
		fixtures.gone(held, NOW);
		fixtures.assignment(account, "newcomer@example.com", "Admin", "", snapshot.minus(Duration.ofDays(2)), null);
		assertThat(holdings(campaign)).containsExactlyInAnyOrder(held, sinceExactly, goneAfter);
		assertThat(evidence(campaign).summary().path("digestMatches").asBoolean()).isTrue();

		// a campaign created now over the same moment sees the late-recorded newcomer
		var again = create("again", snapshot);
		assertThat(again.itemCount()).isEqualTo(4);
		assertThat(again.digest()).isNotEqualTo(campaign.digest());
	}

	@Test
	void theSameSnapshotGivesTheSameDigest() {
		Instant snapshot = NOW.minus(Duration.ofDays(2));
		fixtures.assignment(account, "a@example.com", "ReadOnly", "", snapshot.minus(Duration.ofDays(30)), null);
		fixtures.iamUser(account, "deploy-bot", snapshot.minus(Duration.ofDays(30)));

		var first = create("first", snapshot);
		var second = create("second", snapshot);

		assertThat(second.digest()).isEqualTo(first.digest());
		assertThat(second.itemCount()).isEqualTo(2);
	}

	@Test
	void itemsGoToTheManagerElseTheAccountOwnerNeverToThePersonThemself() {
		String manager = fixtures.user(ReviewFixtures.unique("mgr-"), Role.APPROVER);
		String owner = fixtures.user(ReviewFixtures.unique("own-"), Role.OPERATOR);
		String self = fixtures.user(ReviewFixtures.unique("self-"), Role.ENGINEER);
		owners.set(account, owner, Actor.user(admin));
		Instant seen = NOW.minus(Duration.ofDays(10));
		String managed = ReviewFixtures.unique("managed-") + "@example.com";
		String unmanaged = ReviewFixtures.unique("unmanaged-") + "@example.com";
		String selfManaged = ReviewFixtures.unique("selfmanaged-") + "@example.com";
		String theOwner = ReviewFixtures.unique("theowner-") + "@example.com";
		String unknown = ReviewFixtures.unique("unknown-") + "@example.com";
		fixtures.person(managed, null, manager);
		fixtures.person(unmanaged, null, null);
		fixtures.person(selfManaged, self, self);
		fixtures.person(theOwner, owner, null);
		for (String person : List.of(managed, unmanaged, selfManaged, theOwner, unknown)) {
			fixtures.assignment(account, person, "PowerUser", "", seen, null);
		}

		var campaign = create("assignment", NOW);

		var byPerson = new LinkedHashMap<String, ReviewItem>();
		items(campaign).forEach(item -> byPerson.put(item.person().value(), item));
		assertThat(byPerson.get(managed).reviewer()).contains(manager);
		assertThat(byPerson.get(managed).reviewerSource()).isEqualTo(ReviewerSource.MANAGER);
		assertThat(byPerson.get(unmanaged).reviewer()).contains(owner);
		assertThat(byPerson.get(unmanaged).reviewerSource()).isEqualTo(ReviewerSource.OWNER);
		assertThat(byPerson.get(selfManaged).reviewer()).as("manages themself: the owner").contains(owner);
		assertThat(byPerson.get(unknown).reviewer()).contains(owner);
		assertThat(byPerson.get(theOwner).reviewer()).as("the owner's own access").isEmpty();
		assertThat(byPerson.get(theOwner).reviewerSource()).isEqualTo(ReviewerSource.NONE);
		assertThat(reviews.progress(campaign.id())).extracting(ReviewerProgress::reviewer)
			.contains(ReviewItemFilter.UNASSIGNED, manager, owner);

		// the unassigned go to someone; never to the item's own person
		assertThat(reviews.reassign(campaign.id(), List.of(), ReviewItemFilter.UNASSIGNED, owner, Actor.user(admin)))
			.isZero();
		assertThat(reviews.reassign(campaign.id(), List.of(), ReviewItemFilter.UNASSIGNED, manager, Actor.user(admin)))
			.isOne();
		assertThat(
				reviews.reassign(campaign.id(), List.of(byPerson.get(selfManaged).id()), null, self, Actor.user(admin)))
			.isZero();
		assertThatThrownBy(() -> reviews.reassign(campaign.id(), List.of(), manager, "nobody-here", Actor.user(admin)))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("no enabled user nobody-here");
		assertThatThrownBy(() -> reviews.reassign(campaign.id(), List.of(), manager, owner, Actor.user(manager)))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN));
		var reassigned = item(campaign, theOwner);
		assertThat(reassigned.reviewer()).contains(manager);
		assertThat(reassigned.reviewerSource()).isEqualTo(ReviewerSource.ASSIGNED);
	}

	@Test
	void theReviewerKeepsOrRevokesOnceARevocationOpensARemovalAndTheLastDecisionCompletes() {
		String manager = fixtures.user(ReviewFixtures.unique("mgr-"), Role.APPROVER);
		String other = fixtures.user(ReviewFixtures.unique("other-"), Role.APPROVER);
		String person = ReviewFixtures.unique("taro-") + "@example.com";
		fixtures.person(person, null, manager);
		Instant seen = NOW.minus(Duration.ofDays(40));
		long adminHolding = fixtures.assignment(account, person, "AdministratorAccess", "Admins", seen, null);
		fixtures.assignment(account, person, "ReadOnly", "", seen, null);
		fixtures.assignment(account, person, "Billing", "", seen, null);
		var campaign = create("decisions", NOW);
		var adminItem = items(campaign).stream().filter(i -> i.holdingId() == adminHolding).findFirst().orElseThrow();
		var others = items(campaign).stream().filter(i -> i.holdingId() != adminHolding).map(ReviewItem::id).toList();

		assertThatThrownBy(() -> reviews.decide(campaign.id(), List.of(adminItem.id()), ReviewDecision.REVOKE, " ",
				Actor.user(manager)))
			.isInstanceOf(AccessRefused.class)
			.hasMessage("comment: is required to revoke");
		assertThatThrownBy(() -> reviews.decide(campaign.id(), others, ReviewDecision.KEEP, null, Actor.user(other)))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.FORBIDDEN))
			.hasMessageContaining("is assigned to " + manager);
		assertThat(reviews.find(campaign.id()).orElseThrow().decided()).isZero();

		clock.set(NOW.plus(Duration.ofHours(2)));
		var revoked = reviews.decide(campaign.id(), List.of(adminItem.id()), ReviewDecision.REVOKE,
				"left the platform team <b>&</b>", Actor.user(manager));

		assertThat(revoked.removals()).hasSize(1);
		var removal = removals.find(revoked.removals().getFirst()).orElseThrow();
		assertThat(removal.reason()).isEqualTo(RemovalReason.REVIEW);
		assertThat(removal.cause()).isEqualTo("review-item:" + adminItem.id());
		assertThat(removal.entitlement()).isEqualTo("AdministratorAccess");
		assertThat(removal.via()).isEqualTo("Admins");
		assertThat(removal.accountId()).isEqualTo(account);
		assertThat(removal.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)));
		var decided = item(campaign, adminItem.id());
		assertThat(decided.decision()).contains(ReviewDecision.REVOKE);
		assertThat(decided.comment()).contains("left the platform team <b>&</b>");
		assertThat(decided.removalId()).contains(removal.id());
		assertThat(decided.decidedBy()).contains("user:" + manager);

		assertThatThrownBy(() -> reviews.decide(campaign.id(), List.of(adminItem.id()), ReviewDecision.KEEP, null,
				Actor.user(manager)))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.CONFLICT))
			.hasMessageContaining("was decided already (REVOKE by user:" + manager + "); a decision is final");
		assertThat(item(campaign, adminItem.id()).decision()).contains(ReviewDecision.REVOKE);

		var kept = reviews.decide(campaign.id(), others, ReviewDecision.KEEP, null, Actor.user(manager));

		assertThat(kept.completed()).isTrue();
		var completed = reviews.find(campaign.id()).orElseThrow();
		assertThat(completed.state()).isEqualTo(ReviewCampaign.State.COMPLETED);
		assertThat(completed.kept()).isEqualTo(2);
		assertThat(completed.revoked()).isEqualTo(1);
		var actions = ledger.about(campaign.subject(), 10).stream().map(e -> e.action()).toList();
		assertThat(actions).containsExactlyInAnyOrder("access.review-campaign-created", "access.review-decided",
				"access.review-decided", "access.review-campaign-completed");
		var completion = ledger.about(campaign.subject(), 1).getFirst();
		assertThat(completion.action()).isEqualTo("access.review-campaign-completed");
		assertThat(completion.payload()).contains("\"" + manager + "\":{")
			.contains("\"kept\":2")
			.contains("\"revoked\":1");
	}

	@Test
	void aPersonWithoutTheRoleOrAnAuditorNeverDecides() {
		String auditor = fixtures.user(ReviewFixtures.unique("aud-"), Role.AUDITOR);
		String person = ReviewFixtures.unique("p-") + "@example.com";
		fixtures.person(person, null, auditor);
		fixtures.assignment(account, person, "ReadOnly", "", NOW.minus(Duration.ofDays(3)), null);
		var campaign = create("auditor", NOW);
		long item = items(campaign).getFirst().id();

		assertThatThrownBy(
				() -> reviews.decide(campaign.id(), List.of(item), ReviewDecision.KEEP, null, Actor.user(auditor)))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("may not review access");
		assertThatThrownBy(
				() -> reviews.decide(campaign.id(), List.of(item), ReviewDecision.KEEP, null, Actor.system("demo")))
			.hasMessageContaining("that takes a person");
		assertThatThrownBy(() -> reviews.decide(campaign.id(), List.of(item + 1_000_000), ReviewDecision.KEEP, null,
				Actor.user(admin)))
			.isInstanceOfSatisfying(AccessRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(AccessRefused.Reason.NOT_FOUND));
	}

	@Test
	void aBadCampaignIsRefusedByNameAndNothingIsWritten() {
		fixtures.assignment(account, "x@example.com", "ReadOnly", "", NOW.minus(Duration.ofDays(3)), null);
		String engineer = fixtures.user(ReviewFixtures.unique("eng-"), Role.ENGINEER);
		long campaigns = campaignCount();
		long entries = ledger.size();
		var scope = new ReviewScope(List.of(account), Set.of());

		assertThatThrownBy(
				() -> reviews.create(new ReviewCampaignRequest(" ", scope, Optional.empty(), DUE), Actor.user(admin)))
			.hasMessageStartingWith("name:");
		assertThatThrownBy(
				() -> reviews.create(new ReviewCampaignRequest("n", scope, Optional.empty(), LocalDate.of(2026, 10, 1)),
						Actor.user(admin)))
			.hasMessageStartingWith("dueOn: must be after today (2026-10-01)");
		assertThatThrownBy(() -> reviews
			.create(new ReviewCampaignRequest("n", scope, Optional.of(NOW.plusSeconds(60)), DUE), Actor.user(admin)))
			.hasMessageStartingWith("snapshotAt: must not be in the future");
		assertThatThrownBy(() -> reviews.create(new ReviewCampaignRequest("n",
				new ReviewScope(List.of(ReviewFixtures.account()), Set.of()), Optional.empty(), DUE),
				Actor.user(admin)))
			.hasMessageStartingWith("scope: no access was held in scope");
		assertThatThrownBy(() -> new ReviewScope(List.of("12345"), Set.of()))
			.hasMessage("scope.accounts: '12345' is not a 12-digit AWS account ID");
		assertThatThrownBy(() -> reviews.create(new ReviewCampaignRequest("n", scope, Optional.empty(), DUE),
				Actor.user(engineer)))
			.hasMessageContaining("may not create access reviews");

		assertThat(campaignCount()).isEqualTo(campaigns);
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void aCampaignPastItsDueDayWithOpenItemsIsOverdue() {
		fixtures.assignment(account, "y@example.com", "ReadOnly", "", NOW.minus(Duration.ofDays(3)), null);
		var campaign = create("overdue", NOW);

		clock.set("2026-10-31T23:59:59Z");
		assertThat(reviews.find(campaign.id()).orElseThrow().state()).isEqualTo(ReviewCampaign.State.OPEN);
		clock.set("2026-11-01T00:00:00Z");
		assertThat(reviews.find(campaign.id()).orElseThrow().state()).isEqualTo(ReviewCampaign.State.OVERDUE);
	}

	@Test
	void theEvidenceHoldsEveryItemItsDecisionAndRemovalAndASummaryWhoseDigestMatches() throws Exception {
		String manager = fixtures.user(ReviewFixtures.unique("mgr-"), Role.APPROVER);
		String person = ReviewFixtures.unique("hanako-") + "@example.com";
		fixtures.person(person, null, manager);
		Instant seen = NOW.minus(Duration.ofDays(5));
		long revokedHolding = fixtures.assignment(account, person, "=HYPERLINK(\"x\")", "", seen, null);
		fixtures.assignment(account, person, "ReadOnly", "", seen, null);
		var campaign = create("evidence, \"quoted\"", NOW);
		var revokeItem = items(campaign).stream()
			.filter(i -> i.holdingId() == revokedHolding)
			.findFirst()
			.orElseThrow();
		var keepItem = items(campaign).stream().filter(i -> i.holdingId() != revokedHolding).findFirst().orElseThrow();
		var revoked = reviews.decide(campaign.id(), List.of(revokeItem.id()), ReviewDecision.REVOKE,
				"no longer needed,\n<script>alert(1)</script>", Actor.user(manager));
		removals.confirm(revoked.removals().getFirst(), RemovalMethod.OPERATOR, Actor.user(admin), "removed");
		reviews.decide(campaign.id(), List.of(keepItem.id()), ReviewDecision.KEEP, "still on call",
				Actor.user(manager));

		var evidence = evidence(reviews.find(campaign.id()).orElseThrow());

		assertThat(evidence.csv()).startsWith("item,account,kind,person,principal,entitlement,entitlement_ref,via,"
				+ "first_seen,reviewer,reviewer_source,decision,comment,decided_by,decided_at,removal,removal_state,"
				+ "removal_done_at\r\n");
		assertThat(evidence.csv()).contains(revokeItem.id() + "," + account + ",ASSIGNMENT," + person + "," + person
				+ ",\"'=HYPERLINK(\"\"x\"\")\"," + ReviewFixtures.PERMISSION_SET + ",," + seen + "," + manager
				+ ",MANAGER,REVOKE,\"no longer needed,\n<script>alert(1)</script>\",user:" + manager + "," + NOW + ","
				+ revoked.removals().getFirst() + ",REMOVED," + NOW + "\r\n");
		assertThat(evidence.csv()).contains(keepItem.id() + "," + account + ",ASSIGNMENT," + person + "," + person
				+ ",ReadOnly," + ReviewFixtures.PERMISSION_SET + ",," + seen + "," + manager
				+ ",MANAGER,KEEP,still on call,user:" + manager + "," + NOW + ",,NONE,\r\n");
		assertThat(evidence.csv().split("\r\n")).hasSize(3);
		var summary = evidence.summary();
		assertThat(summary.path("campaign").path("name").asString()).isEqualTo("evidence, \"quoted\"");
		assertThat(summary.path("campaign").path("state").asString()).isEqualTo("COMPLETED");
		assertThat(summary.path("digest").asString()).isEqualTo(campaign.digest());
		assertThat(summary.path("digestMatches").asBoolean()).isTrue();
		assertThat(summary.path("counts").path("kept").asLong()).isOne();
		assertThat(summary.path("counts").path("revoked").asLong()).isOne();
		assertThat(summary.path("counts").path("removalsDone").asLong()).isOne();
		assertThat(summary.path("reviewers").get(0).path("reviewer").asString()).isEqualTo(manager);
		assertThat(summary.path("revoked").get(0).path("removalState").asString()).isEqualTo("REMOVED");
		assertThat(summary.path("ledgerEntries").get(0).path("action").asString())
			.isEqualTo("access.review-campaign-created");
		assertThat(evidence.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
	}

	@Test
	void securityHubIamResultsAreShownBesideTheItemsTheyConcern() {
		long user = fixtures.iamUser(account, "legacy-ci", NOW.minus(Duration.ofDays(100)));
		fixtures.assignment(account, "z@example.com", "ReadOnly", "", NOW.minus(Duration.ofDays(3)), null);
		accept(control("IAM.5", "AwsIamUser", "arn:aws:iam::" + account + ":user/legacy-ci", "FAILED"));
		accept(control("IAM.6", "AwsAccount", "AWS::::Account:" + account, "PASSED"));
		accept(control("S3.8", "AwsS3Bucket", "arn:aws:s3:::bucket-" + account, "FAILED"));
		var campaign = create("iam", NOW);
		var items = items(campaign);

		var controls = reviews.iamControls(items);

		long userItem = items.stream().filter(i -> i.holdingId() == user).findFirst().orElseThrow().id();
		assertThat(controls.item(userItem)).singleElement().satisfies(result -> {
			assertThat(result.controlId()).isEqualTo("IAM.5");
			assertThat(result.failed()).isTrue();
		});
		assertThat(controls.account(account)).extracting(ReviewIamResult::controlId).containsExactly("IAM.6");
		assertThat(controls.byItem()).hasSize(1);
	}

	private void accept(String asff) {
		findings.accept(asff, IntakeChannel.FILE, "test", Actor.system("test"));
	}

	private String control(String control, String type, String resource, String status) {
		String id = "arn:aws:securityhub:ap-northeast-1:" + account + ":security-control/" + control + "/finding/"
				+ java.util.UUID.randomUUID();
		return """
				{"SchemaVersion":"2018-10-08","Id":"%s",
				 "ProductArn":"arn:aws:securityhub:ap-northeast-1::product/aws/securityhub","ProductName":"Security Hub",
				 "CompanyName":"AWS","Region":"ap-northeast-1","GeneratorId":"security-control/%s","AwsAccountId":"%s",
				 "Types":["Software and Configuration Checks/Industry and Regulatory Standards"],
				 "CreatedAt":"2026-09-20T08:12:03.416Z","UpdatedAt":"2026-09-28T08:11:58.972Z",
				 "Severity":{"Label":"MEDIUM","Normalized":40,"Original":"MEDIUM"},
				 "Title":"%s check","Description":"d",
				 "Resources":[{"Type":"%s","Id":"%s","Partition":"aws","Region":"ap-northeast-1"}],
				 "Compliance":{"Status":"%s","SecurityControlId":"%s"},
				 "Workflow":{"Status":"NEW"},"RecordState":"ACTIVE"}
				"""
			.formatted(id, control, account, control, type, resource, status, control);
	}

	private ReviewCampaign create(String name, Instant snapshot) {
		return reviews.create(new ReviewCampaignRequest(name, new ReviewScope(List.of(account), Set.of()),
				Optional.of(snapshot), DUE), Actor.user(admin));
	}

	private List<ReviewItem> items(ReviewCampaign campaign) {
		return reviews.items(campaign.id(), ReviewItemFilter.ALL, admin, 1, 500).items();
	}

	private List<Long> holdings(ReviewCampaign campaign) {
		return items(campaign).stream().map(ReviewItem::holdingId).toList();
	}

	private ReviewItem item(ReviewCampaign campaign, String person) {
		return items(campaign).stream().filter(i -> i.person().value().equals(person)).findFirst().orElseThrow();
	}

	private ReviewItem item(ReviewCampaign campaign, long id) {
		return items(campaign).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
	}

	private long campaignCount() {
		return jdbc.sql("SELECT COUNT(*) FROM access_review_campaign").query(Long.class).single();
	}

	private Evidence evidence(ReviewCampaign campaign) {
		try {
			var out = new ByteArrayOutputStream();
			reviews.writeEvidence(campaign.id(), out);
			Map<String, String> files = new LinkedHashMap<>();
			try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
				for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			assertThat(files).containsOnlyKeys("items.csv", "summary.json", "summary.html");
			return new Evidence(files.get("items.csv"), JSON.readTree(files.get("summary.json")),
					files.get("summary.html"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	record Evidence(String csv, JsonNode summary, String html) {
	}

}
