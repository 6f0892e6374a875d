package io.soc2ops.access;

import static io.soc2ops.access.ReconciliationStore.time;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Slack messages announcing unapproved access, in {@code access_unapproved_message},
 * each kept until its route takes it. Claiming is a conditional UPDATE that takes only a
 * message nobody holds (or whose holder's lease ran out), so two instances never post one
 * message at once.
 */
@Repository
class UnapprovedOutbox {

	static final int MAX_ERROR = 1024;

	private static final String CLAIMABLE = "state = 'PENDING' AND next_attempt_at <= :now"
			+ " AND (lease_until IS NULL OR lease_until < :now)";

	private final JdbcClient jdbc;

	UnapprovedOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void queue(String id, String route, long run, int items, String payload, Instant now) {
		jdbc.sql("INSERT INTO access_unapproved_message (id, route_name, run_id, item_count, payload, state, attempts,"
				+ " next_attempt_at, created_at) VALUES (:id, :route, :run, :items, :payload, 'PENDING', 0, :now, :now)")
			.param("id", id)
			.param("route", route)
			.param("run", run)
			.param("items", items)
			.param("payload", payload)
			.param("now", time(now))
			.update();
	}

	/** Messages due for a try, oldest first. */
	List<String> due(Instant now, int limit) {
		return jdbc
			.sql("SELECT id FROM access_unapproved_message WHERE " + CLAIMABLE
					+ " ORDER BY created_at, id LIMIT :limit")
			.param("now", time(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** Claims a due message until {@code leaseUntil}, if nobody holds it. */
	Optional<Message> claim(String id, String claim, Instant now, Instant leaseUntil) {
		int claimed = jdbc
			.sql("UPDATE access_unapproved_message SET claim_id = :claim, lease_until = :until WHERE id = :id AND "
					+ CLAIMABLE)
			.param("claim", claim)
			.param("until", time(leaseUntil))
			.param("id", id)
			.param("now", time(now))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT id, route_name, run_id, item_count, payload, attempts FROM access_unapproved_message"
					+ " WHERE id = :id AND claim_id = :claim")
			.param("id", id)
			.param("claim", claim)
			.query((rs, row) -> new Message(rs.getString("id"), rs.getString("route_name"), rs.getLong("run_id"),
					rs.getInt("item_count"), rs.getString("payload"), rs.getInt("attempts")))
			.optional();
	}

	/**
	 * @return false when the claim no longer holds the message
	 */
	boolean delivered(String id, String claim, Instant now) {
		return jdbc
			.sql("UPDATE access_unapproved_message SET state = 'DELIVERED', attempts = attempts + 1,"
					+ " delivered_at = :now, claim_id = NULL, lease_until = NULL"
					+ " WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("now", time(now))
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	/**
	 * Records a failed try: pending again from {@code next}, or dead.
	 * @return false when the claim no longer holds the message
	 */
	boolean failed(String id, String claim, String error, boolean dead, Instant next) {
		return jdbc
			.sql("UPDATE access_unapproved_message SET state = :state, attempts = attempts + 1,"
					+ " next_attempt_at = :next, last_error = :error, claim_id = NULL, lease_until = NULL"
					+ " WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("state", dead ? "DEAD" : "PENDING")
			.param("next", time(next))
			.param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	/**
	 * A claimed message.
	 *
	 * @param attempts tries before this one
	 */
	record Message(String id, String route, long run, int items, String payload, int attempts) {
	}

}
