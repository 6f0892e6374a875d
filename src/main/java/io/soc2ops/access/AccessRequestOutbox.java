package io.soc2ops.access;

import static io.soc2ops.access.AccessRequestStore.time;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Slack messages to approvers in {@code access_request_message}, each kept until its
 * route takes it; claimed by a conditional UPDATE (as the vulnerabilities' outbox), so
 * two instances never post one message at once.
 */
@Repository
class AccessRequestOutbox {

	static final int MAX_ERROR = 1024;

	private static final String CLAIMABLE = "state = 'PENDING' AND next_attempt_at <= :now"
			+ " AND (lease_until IS NULL OR lease_until < :now)";

	private final JdbcClient jdbc;

	AccessRequestOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	enum Kind {

		REQUESTED, REMINDER

	}

	/** A claimed message; {@code attempts} tries before this one. */
	record Message(String id, long requestId, String route, Kind kind, String payload, int attempts) {
	}

	String queue(long requestId, String route, Kind kind, String payload, Instant now) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("INSERT INTO access_request_message (id, request_id, route_name, kind, payload, state, attempts,"
				+ " next_attempt_at, created_at) VALUES (:id, :request, :route, :kind, :payload, 'PENDING', 0, :now, :now)")
			.param("id", id)
			.param("request", requestId)
			.param("route", route)
			.param("kind", kind.name())
			.param("payload", payload)
			.param("now", time(now))
			.update();
		return id;
	}

	List<String> due(Instant now, int limit) {
		return jdbc
			.sql("SELECT id FROM access_request_message WHERE " + CLAIMABLE + " ORDER BY created_at, id LIMIT :limit")
			.param("now", time(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	Optional<Message> claim(String id, String claim, Instant now, Instant leaseUntil) {
		int claimed = jdbc
			.sql("UPDATE access_request_message SET claim_id = :claim, lease_until = :until WHERE id = :id AND "
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
			.sql("SELECT id, request_id, route_name, kind, payload, attempts FROM access_request_message"
					+ " WHERE id = :id AND claim_id = :claim")
			.param("id", id)
			.param("claim", claim)
			.query((rs, row) -> new Message(rs.getString("id"), rs.getLong("request_id"), rs.getString("route_name"),
					Kind.valueOf(rs.getString("kind")), rs.getString("payload"), rs.getInt("attempts")))
			.optional();
	}

	boolean delivered(String id, String claim, Instant now) {
		return jdbc
			.sql("UPDATE access_request_message SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = :now,"
					+ " claim_id = NULL, lease_until = NULL WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("now", time(now))
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	boolean failed(String id, String claim, String error, boolean dead, Instant next) {
		return jdbc
			.sql("UPDATE access_request_message SET state = :state, attempts = attempts + 1, next_attempt_at = :next,"
					+ " last_error = :error, claim_id = NULL, lease_until = NULL"
					+ " WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("state", dead ? "DEAD" : "PENDING")
			.param("next", time(next))
			.param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

}
