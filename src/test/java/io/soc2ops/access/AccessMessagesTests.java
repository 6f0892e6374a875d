package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * The access module's one outbox of Slack messages, through the real alert routes to a
 * local Slack receiver: a claim keeps a second claimer out until its lease runs out, a
 * failed post waits a backoff that doubles up to its topic's cap and never less than
 * Slack's {@code Retry-After}, a route that fails for good leaves the message dead with
 * one ledger entry, and a dedupe key refuses a second message. Each test works at a day
 * of its own on a route of its own.
 */
@ReviewContext
class AccessMessagesTests {

	static final AccessMessageTopic TOPIC = new AccessMessageTopic("TEST_NOTICE", Actor.system("access-messages-test"),
			"access.test-notice-delivered", "access.test-notice-dead", Duration.ofMinutes(1), Duration.ofMinutes(5));

	@Autowired
	AccessMessages messages;

	@Autowired
	AccessMessageCourier courier;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@BeforeEach
	void setUp() {
		ReviewContext.MESSAGES_SLACK.answer(200);
	}

	@Test
	void aClaimKeepsASecondClaimerOutUntilItsLeaseRunsOut() {
		Instant now = at("2030-01-02T10:00:00Z");
		// a topic no courier delivers: nothing else claims it meanwhile
		String id = queue("UNCLAIMED_BY_COURIER", null);

		assertThat(messages.claim(id, "first", now, now.plus(Duration.ofMinutes(5)))).hasValueSatisfying(message -> {
			assertThat(message.subject()).startsWith("access-message-test:");
			assertThat(message.details()).containsEntry("note", "test").containsEntry("count", 3);
			assertThat(message.attempts()).isZero();
		});
		assertThat(messages.claim(id, "second", now.plus(Duration.ofMinutes(4)), now.plus(Duration.ofMinutes(9))))
			.isEmpty();
		assertThat(messages.delivered(id, "second", now)).isFalse();

		var later = now.plus(Duration.ofMinutes(6));
		assertThat(messages.claim(id, "third", later, later.plus(Duration.ofMinutes(5)))).isPresent();
		assertThat(messages.delivered(id, "first", later)).as("the first claim ran out").isFalse();
		assertThat(messages.delivered(id, "third", later)).isTrue();
		assertThat(row(id)).containsEntry("state", "DELIVERED").containsEntry("attempts", 1);
		assertThat(messages.claim(id, "fourth", later.plus(Duration.ofHours(1)), later.plus(Duration.ofHours(2))))
			.as("delivered: never claimed again")
			.isEmpty();
	}

	@Test
	void theBackoffDoublesFromTheFirstRetryUpToTheCap() {
		assertThat(TOPIC.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(TOPIC.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(TOPIC.backoff(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(TOPIC.backoff(4)).isEqualTo(Duration.ofMinutes(5));
		assertThat(TOPIC.backoff(200)).isEqualTo(Duration.ofMinutes(5));

		Instant now = at("2030-01-03T10:00:00Z");
		String id = queue(TOPIC.name(), null);
		ReviewContext.MESSAGES_SLACK.answer(503);
		courier.deliver(TOPIC.name());
		assertThat(row(id)).containsEntry("state", "PENDING").containsEntry("attempts", 1);
		assertThat(nextAttempt(id)).isEqualTo(now.plus(Duration.ofMinutes(1)));

		clock.set(now.plusSeconds(30));
		courier.deliver(TOPIC.name());
		assertThat(row(id)).as("not due yet").containsEntry("attempts", 1);

		for (var wait : new int[] { 2, 4, 5, 5 }) {
			now = at(nextAttempt(id));
			courier.deliver(TOPIC.name());
			assertThat(nextAttempt(id)).isEqualTo(now.plus(Duration.ofMinutes(wait)));
		}
		assertThat(row(id)).containsEntry("state", "PENDING").containsEntry("attempts", 5);
		assertThat(String.valueOf(row(id).get("last_error"))).contains("503");

		ReviewContext.MESSAGES_SLACK.answer(200);
		clock.set(nextAttempt(id));
		courier.deliver(TOPIC.name());
		assertThat(row(id)).containsEntry("state", "DELIVERED").containsEntry("attempts", 6);
		assertThat(entries(id)).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("access.test-notice-delivered");
			assertThat(entry.payload()).contains("\"note\":\"test\"").contains("\"attempts\":6");
		});
	}

	@Test
	void slacksRetryAfterIsWaitedWhenLongerThanTheBackoff() {
		Instant now = at("2030-01-04T10:00:00Z");
		String id = queue(TOPIC.name(), null);
		ReviewContext.MESSAGES_SLACK.answer(429, "600");
		courier.deliver(TOPIC.name());
		assertThat(row(id)).containsEntry("state", "PENDING");
		assertThat(nextAttempt(id)).isEqualTo(now.plusSeconds(600));

		now = at(now.plus(Duration.ofHours(1)));
		ReviewContext.MESSAGES_SLACK.answer(429, "1");
		courier.deliver(TOPIC.name());
		assertThat(nextAttempt(id)).as("a shorter Retry-After than the backoff")
			.isEqualTo(now.plus(Duration.ofMinutes(2)));
		assertThat(entries(id)).isEmpty();
	}

	@Test
	void aRouteThatFailsForGoodLeavesTheMessageDeadWithOneLedgerEntry() {
		Instant now = at("2030-01-05T10:00:00Z");
		String id = queue(TOPIC.name(), null);
		ReviewContext.MESSAGES_SLACK.answer(404);
		courier.deliver(TOPIC.name());

		assertThat(row(id)).containsEntry("state", "DEAD").containsEntry("attempts", 1);
		clock.set(now.plus(Duration.ofDays(1)));
		ReviewContext.MESSAGES_SLACK.answer(200);
		courier.deliver(TOPIC.name());
		assertThat(row(id)).containsEntry("state", "DEAD");
		assertThat(entries(id)).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("access.test-notice-dead");
			assertThat(entry.payload()).contains("\"attempts\":1").contains("\"error\":").contains("404");
		});
	}

	@Test
	void aDedupeKeyRefusesASecondMessage() {
		at("2030-01-06T10:00:00Z");
		String key = "access-message-test:" + UUID.randomUUID();
		String first = queue(TOPIC.name(), key);

		assertThat(messages.queue(draft(TOPIC.name(), key), clock.instant())).isFalse();
		assertThat(jdbc.sql("SELECT id FROM access_message WHERE dedupe_key = :key")
			.param("key", key)
			.query(String.class)
			.list()).containsExactly(first);
		assertThat(messages.queue(draft(TOPIC.name(), null), clock.instant())).as("no key: never refused").isTrue();
		assertThat(messages.queue(draft(TOPIC.name(), null), clock.instant())).isTrue();
	}

	private Instant at(String instant) {
		return at(Instant.parse(instant));
	}

	private Instant at(Instant instant) {
		clock.set(instant);
		return instant;
	}

	private String queue(String topic, @Nullable String dedupeKey) {
		var draft = draft(topic, dedupeKey);
		assertThat(messages.queue(draft, clock.instant())).isTrue();
		return draft.id();
	}

	private static AccessMessages.Draft draft(String topic, @Nullable String dedupeKey) {
		String id = UUID.randomUUID().toString();
		return new AccessMessages.Draft(id, topic, "access-message-test:" + id, ReviewContext.MESSAGES_ROUTE,
				"{\"text\":\"access message " + id + "\"}", Map.of("note", "test", "count", 3), dedupeKey);
	}

	private Map<String, @Nullable Object> row(String id) {
		return jdbc.sql("SELECT state, attempts, last_error FROM access_message WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> {
				var row = new HashMap<String, @Nullable Object>();
				row.put("state", rs.getString("state"));
				row.put("attempts", rs.getInt("attempts"));
				row.put("last_error", rs.getString("last_error"));
				return row;
			})
			.single();
	}

	private Instant nextAttempt(String id) {
		return jdbc.sql("SELECT next_attempt_at FROM access_message WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.single();
	}

	private List<EvidenceEntry> entries(String id) {
		return ledger.about("access-message-test:" + id, 10);
	}

}
