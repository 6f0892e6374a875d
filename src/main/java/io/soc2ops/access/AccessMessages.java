package io.soc2ops.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access module's Slack messages in {@code access_message} (approvers' notices,
 * unapproved-access announcements, review reminders), each kept until its route takes it.
 * A message may carry a dedupe key: a second message with the same key is refused.
 * Claiming is a conditional UPDATE that takes only a message nobody holds (or whose
 * holder's lease ran out), so two instances never post one message at once.
 */
@Repository
class AccessMessages {

	static final int MAX_ERROR = 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
	};

	private static final String CLAIMABLE = "state = 'PENDING' AND next_attempt_at <= :now"
			+ " AND (lease_until IS NULL OR lease_until < :now)";

	private final JdbcClient jdbc;

	AccessMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the message in the caller's transaction.
	 * @return false when a message with its dedupe key is already there (one queued at
	 * the same moment elsewhere makes the insert throw a {@code DuplicateKeyException})
	 */
	boolean queue(Draft draft, Instant now) {
		if (draft.dedupeKey() != null && jdbc.sql("SELECT COUNT(*) FROM access_message WHERE dedupe_key = :key")
			.param("key", draft.dedupeKey())
			.query(Long.class)
			.single() > 0) {
			return false;
		}
		jdbc.sql("INSERT INTO access_message (id, topic, subject, route_name, payload, details, dedupe_key, state,"
				+ " attempts, next_attempt_at, created_at) VALUES (:id, :topic, :subject, :route, :payload, :details,"
				+ " :key, 'PENDING', 0, :now, :now)")
			.param("id", draft.id())
			.param("topic", draft.topic())
			.param("subject", draft.subject())
			.param("route", draft.route())
			.param("payload", draft.payload())
			.param("details", JSON.writeValueAsString(draft.details()))
			.param("key", draft.dedupeKey())
			.param("now", time(now))
			.update();
		return true;
	}

	/** Messages of these topics due for a try, oldest first. */
	List<String> due(Collection<String> topics, Instant now, int limit) {
		if (topics.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT id FROM access_message WHERE topic IN (:topics) AND " + CLAIMABLE
					+ " ORDER BY created_at, id LIMIT :limit")
			.param("topics", topics)
			.param("now", time(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** Claims a due message until {@code leaseUntil}, if nobody holds it. */
	Optional<Message> claim(String id, String claim, Instant now, Instant leaseUntil) {
		int claimed = jdbc
			.sql("UPDATE access_message SET claim_id = :claim, lease_until = :until WHERE id = :id AND " + CLAIMABLE)
			.param("claim", claim)
			.param("until", time(leaseUntil))
			.param("id", id)
			.param("now", time(now))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT id, topic, subject, route_name, payload, details, attempts FROM access_message"
					+ " WHERE id = :id AND claim_id = :claim")
			.param("id", id)
			.param("claim", claim)
			.query((rs, row) -> new Message(rs.getString("id"), rs.getString("topic"), rs.getString("subject"),
					rs.getString("route_name"), rs.getString("payload"),
					JSON.readValue(rs.getString("details"), DETAILS), rs.getInt("attempts")))
			.optional();
	}

	/**
	 * @return false when the claim no longer holds the message
	 */
	boolean delivered(String id, String claim, Instant now) {
		return jdbc
			.sql("UPDATE access_message SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = :now,"
					+ " claim_id = NULL, lease_until = NULL WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
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
			.sql("UPDATE access_message SET state = :state, attempts = attempts + 1, next_attempt_at = :next,"
					+ " last_error = :error, claim_id = NULL, lease_until = NULL"
					+ " WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("state", dead ? "DEAD" : "PENDING")
			.param("next", time(next))
			.param("error", cut(error))
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	static String cut(String error) {
		return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A message to queue.
	 *
	 * @param id a UUID, chosen by the caller so the message can name itself
	 * @param subject the ledger subject of its delivery and death
	 * @param details the ledger entry's fields besides {@code attempts} and {@code error}
	 * @param dedupeKey none: never refused
	 */
	record Draft(String id, String topic, String subject, String route, String payload, Map<String, ?> details,
			@Nullable String dedupeKey) {
	}

	/**
	 * A claimed message.
	 *
	 * @param attempts tries before this one
	 */
	record Message(String id, String topic, String subject, String route, String payload, Map<String, Object> details,
			int attempts) {
	}

}
