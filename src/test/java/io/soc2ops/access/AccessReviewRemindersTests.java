package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Users;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reviewers with open items are reminded through the alert route, through the Slack SDK
 * to a local receiver, once a campaign is due within three days or overdue: at most once
 * a day each, never once their items are decided; each reminder queued and delivered is
 * in the ledger.
 */
@ReviewContext
class AccessReviewRemindersTests {

	static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ReviewReminders reminders;

	@Autowired
	AccessMessageCourier courier;

	@Autowired
	AccessReviews reviews;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	MovableClock clock;

	ReviewFixtures fixtures;

	@BeforeEach
	void setUp() {
		clock.set(NOW);
		ReviewContext.SLACK.answer(200);
		fixtures = new ReviewFixtures(jdbc, users);
	}

	@Test
	void aReviewerWithOpenItemsIsRemindedOnceADayFromThreeDaysBeforeTheDueDay() {
		String account = ReviewFixtures.account();
		String admin = fixtures.user("review-admin", Role.ADMIN);
		String prompt = fixtures.user(ReviewFixtures.unique("prompt-"), Role.APPROVER);
		String late = fixtures.user(ReviewFixtures.unique("late-"), Role.APPROVER);
		String first = ReviewFixtures.unique("first-") + "@example.com";
		String second = ReviewFixtures.unique("second-") + "@example.com";
		fixtures.person(first, null, prompt);
		fixtures.person(second, null, late);
		Instant seen = NOW.minus(Duration.ofDays(20));
		fixtures.assignment(account, first, "ReadOnly", "", seen, null);
		fixtures.assignment(account, first, "Billing", "", seen, null);
		fixtures.assignment(account, second, "ReadOnly", "", seen, null);
		var campaign = reviews.create(new ReviewCampaignRequest("Q4 <reminders>",
				new ReviewScope(List.of(account), Set.of()), Optional.empty(), LocalDate.of(2026, 10, 20)),
				Actor.user(admin));
		int before = ReviewContext.SLACK.requests().size();

		clock.set("2026-10-16T09:00:00Z");
		sweep();
		assertThat(to(prompt, before)).isEmpty();

		clock.set("2026-10-18T09:00:00Z");
		sweep();
		sweep();
		assertThat(to(prompt, before)).singleElement().satisfies(body -> {
			assertThat(body).contains("2 items for " + prompt)
				.contains("Q4 &lt;reminders&gt;")
				.contains("due by end of 2026-10-20 UTC")
				.contains("https://soc2ops.example.com/access/reviews/" + campaign.id());
		});
		assertThat(to(late, before)).hasSize(1);

		clock.set("2026-10-19T08:00:00Z");
		sweep();
		assertThat(to(prompt, before)).hasSize(2);

		var items = reviews.items(campaign.id(), new ReviewItemFilter(prompt, null, null, null), prompt, 1, 10).items();
		reviews.decide(campaign.id(), items.stream().map(ReviewItem::id).toList(), ReviewDecision.KEEP, null,
				Actor.user(prompt));
		clock.set("2026-10-22T08:00:00Z");
		sweep();
		assertThat(to(prompt, before)).as("nothing left to decide").hasSize(2);
		assertThat(to(late, before)).hasSize(3).last().asString().contains("*overdue* since 2026-10-21");

		var queued = ledger.withAction("access-review-reminder:", "access.review-reminder-queued",
				LocalDate.of(2100, 1, 1));
		assertThat(queued.stream().filter(e -> e.payload().contains("\"reviewer\":\"" + late + "\""))).hasSize(3);
		var delivered = ledger.withAction("access-review-reminder:", "access.review-reminder-delivered",
				LocalDate.of(2100, 1, 1));
		assertThat(delivered.stream().filter(e -> e.payload().contains("\"reviewer\":\"" + late + "\""))).hasSize(3);
	}

	@Test
	void aReminderSlackDoesNotTakeStaysAndIsPostedLater() {
		String account = ReviewFixtures.account();
		String admin = fixtures.user("review-admin", Role.ADMIN);
		String reviewer = fixtures.user(ReviewFixtures.unique("busy-"), Role.ENGINEER);
		String person = ReviewFixtures.unique("p-") + "@example.com";
		fixtures.person(person, null, reviewer);
		fixtures.assignment(account, person, "ReadOnly", "", NOW.minus(Duration.ofDays(2)), null);
		reviews.create(new ReviewCampaignRequest("retry", new ReviewScope(List.of(account), Set.of()), Optional.empty(),
				LocalDate.of(2026, 10, 3)), Actor.user(admin));
		int before = ReviewContext.SLACK.requests().size();

		ReviewContext.SLACK.answer(503);
		sweep();
		assertThat(to(reviewer, before)).isEmpty();
		assertThat(ReviewContext.SLACK.requests().stream().skip(before).filter(r -> r.body().contains(reviewer)))
			.isNotEmpty();

		ReviewContext.SLACK.answer(200);
		clock.set(NOW.plus(Duration.ofMinutes(30)));
		sweep();
		assertThat(to(reviewer, before)).hasSize(1);
	}

	/** Queues the reminders due, then posts what waits in the access outbox. */
	private void sweep() {
		reminders.sweep();
		courier.deliver();
	}

	/** The reminders Slack took for the reviewer since request {@code before}. */
	private static List<String> to(String reviewer, int before) {
		return ReviewContext.SLACK.requests()
			.stream()
			.skip(before)
			.filter(r -> r.status() == 200)
			.map(r -> JSON.readTree(r.body()).toString())
			.filter(body -> body.contains(" for " + reviewer + "\""))
			.toList();
	}

}
