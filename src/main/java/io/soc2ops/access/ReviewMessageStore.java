package io.soc2ops.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reminders to reviewers in {@code access_review_message}, each kept until its route
 * takes it; one per reviewer and day (a unique index). Claiming is a conditional UPDATE
 * that takes only a message nobody holds (or whose holder's lease ran out), so two
 * instances never post one message at once.
 */
@Repository
class ReviewMessageStore {

	static final int MAX_ERROR = 1024;

	private static final String CLAIMABLE = "state = 'PENDING' AND next_attempt_at <= :now"
			+ " AND (lease_until IS NULL OR lease_until < :now)";

	private final JdbcClient jdbc;

	ReviewMessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean queued(String reviewer, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM access_review_message WHERE reviewer = :reviewer AND reminder_day = :day")
			.param("reviewer", reviewer)
			.param("day", day)
			.query(Long.class)
			.single() > 0;
	}

	void queue(String id, String reviewer, LocalDate day, String route, long items, String payload, Instant now) {
		jdbc.sql(
				"INSERT INTO access_review_message (id, reviewer, reminder_day, route_name, item_count, payload, state,"
						+ " attempts, next_attempt_at, created_at) VALUES (:id, :reviewer, :day, :route, :items, :payload,"
						+ " 'PENDING', 0, :now, :now)")
			.param("id", id)
			.param("reviewer", reviewer)
			.param("day", day)
			.param("route", route)
			.param("items", items)
			.param("payload", payload)
			.param("now", ReviewCampaignStore.time(now))
			.update();
	}

	List<String> due(Instant now, int limit) {
		return jdbc
			.sql("SELECT id FROM access_review_message WHERE " + CLAIMABLE + " ORDER BY created_at, id LIMIT :limit")
			.param("now", ReviewCampaignStore.time(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	Optional<Message> claim(String id, String claim, Instant now, Instant leaseUntil) {
		int claimed = jdbc
			.sql("UPDATE access_review_message SET claim_id = :claim, lease_until = :until WHERE id = :id AND "
					+ CLAIMABLE)
			.param("claim", claim)
			.param("until", ReviewCampaignStore.time(leaseUntil))
			.param("id", id)
			.param("now", ReviewCampaignStore.time(now))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT id, reviewer, route_name, item_count, payload, attempts FROM access_review_message"
					+ " WHERE id = :id AND claim_id = :claim")
			.param("id", id)
			.param("claim", claim)
			.query((rs, row) -> new Message(rs.getString("id"), rs.getString("reviewer"), rs.getString("route_name"),
					rs.getLong("item_count"), rs.getString("payload"), rs.getInt("attempts")))
			.optional();
	}

	boolean delivered(String id, String claim, Instant now) {
		return jdbc
			.sql("UPDATE access_review_message SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = :now,"
					+ " claim_id = NULL, lease_until = NULL WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("now", ReviewCampaignStore.time(now))
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	boolean failed(String id, String claim, String error, boolean dead, Instant next) {
		return jdbc
			.sql("UPDATE access_review_message SET state = :state, attempts = attempts + 1, next_attempt_at = :next,"
					+ " last_error = :error, claim_id = NULL, lease_until = NULL"
					+ " WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("state", dead ? "DEAD" : "PENDING")
			.param("next", ReviewCampaignStore.time(next))
			.param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	/**
	 * A claimed reminder.
	 *
	 * @param attempts tries before this one
	 */
	record Message(String id, String reviewer, String route, long items, String payload, int attempts) {
	}

}
