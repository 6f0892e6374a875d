package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Slack messages of notices and digests in {@code vulnerability_message}, each kept
 * until its route takes it. Claiming is a conditional UPDATE that takes only a message
 * nobody holds (or whose holder's lease ran out), so two instances never post one message
 * at once.
 */
@Repository
class MessageStore {

	static final int MAX_ERROR = 1024;

	private static final String CLAIMABLE = "state = 'PENDING' AND next_attempt_at <= :now"
			+ " AND (lease_until IS NULL OR lease_until < :now)";

	private final JdbcClient jdbc;

	MessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void queue(String id, String route, NoticeKind kind, int items, String payload, Instant now) {
		jdbc.sql("INSERT INTO vulnerability_message (id, route_name, kind, item_count, payload, state, attempts,"
				+ " next_attempt_at, created_at) VALUES (:id, :route, :kind, :items, :payload, 'PENDING', 0, :now, :now)")
			.param("id", id)
			.param("route", route)
			.param("kind", kind.name())
			.param("items", items)
			.param("payload", payload)
			.param("now", VulnerabilityStore.time(now))
			.update();
	}

	/** Messages due for a try, oldest first. */
	List<String> due(Instant now, int limit) {
		return jdbc
			.sql("SELECT id FROM vulnerability_message WHERE " + CLAIMABLE + " ORDER BY created_at, id LIMIT :limit")
			.param("now", VulnerabilityStore.time(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Claims a due message for {@code claim} until {@code leaseUntil}, if nobody holds
	 * it.
	 */
	Optional<Message> claim(String id, String claim, Instant now, Instant leaseUntil) {
		int claimed = jdbc
			.sql("UPDATE vulnerability_message SET claim_id = :claim, lease_until = :until WHERE id = :id AND "
					+ CLAIMABLE)
			.param("claim", claim)
			.param("until", VulnerabilityStore.time(leaseUntil))
			.param("id", id)
			.param("now", VulnerabilityStore.time(now))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT id, route_name, kind, item_count, payload, attempts FROM vulnerability_message"
					+ " WHERE id = :id AND claim_id = :claim")
			.param("id", id)
			.param("claim", claim)
			.query((rs, row) -> new Message(rs.getString("id"), rs.getString("route_name"),
					NoticeKind.valueOf(rs.getString("kind")), rs.getInt("item_count"), rs.getString("payload"),
					rs.getInt("attempts")))
			.optional();
	}

	/**
	 * @return false when the claim no longer holds the message
	 */
	boolean delivered(String id, String claim, Instant now) {
		return jdbc
			.sql("UPDATE vulnerability_message SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = :now,"
					+ " claim_id = NULL, lease_until = NULL WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("now", VulnerabilityStore.time(now))
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
			.sql("UPDATE vulnerability_message SET state = :state, attempts = attempts + 1, next_attempt_at = :next,"
					+ " last_error = :error, claim_id = NULL, lease_until = NULL"
					+ " WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("state", dead ? "DEAD" : "PENDING")
			.param("next", VulnerabilityStore.time(next))
			.param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	/** How many messages wait to be posted. */
	long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM vulnerability_message WHERE state = 'PENDING'")
			.query(Long.class)
			.single();
	}

	/**
	 * A claimed message.
	 *
	 * @param attempts tries before this one
	 */
	record Message(String id, String route, NoticeKind kind, int items, String payload, int attempts) {
	}

}
