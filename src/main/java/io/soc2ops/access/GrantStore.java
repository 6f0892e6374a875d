package io.soc2ops.access;

import static io.soc2ops.access.AccessRequestStore.time;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grant of each account of a request, and the claims that make soc2ops's own Identity
 * Center calls happen once at a time: a conditional UPDATE takes only a row nobody holds
 * (or whose holder's lease ran out), so a crash leaves it to whoever claims it after the
 * lease.
 */
@Repository
class GrantStore {

	static final int MAX_TEXT = 1024;

	private static final String FREE = "(lease_until IS NULL OR lease_until < :now) AND next_attempt_at <= :now";

	private final JdbcClient jdbc;

	GrantStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One account of one request. */
	record Line(long requestId, String accountId) {
	}

	/**
	 * Marks an account granted, if it is in one of the {@code from} states (and held by
	 * {@code claim}, when given).
	 */
	boolean granted(Line line, Set<GrantState> from, @Nullable String claim, GrantMethod method, String by,
			@Nullable String note, @Nullable String awsRequestId, Instant at) {
		return jdbc
			.sql("UPDATE access_request_account SET grant_state = 'GRANTED', grant_method = :method, granted_at = :at,"
					+ " granted_by = :by, grant_note = :note, aws_request_id = :aws, claim_id = NULL, lease_until = NULL"
					+ " WHERE request_id = :id AND account_id = :account AND grant_state IN (:from)"
					+ (claim == null ? "" : " AND claim_id = :claim"))
			.param("method", method.name())
			.param("at", time(at))
			.param("by", by)
			.param("note", note)
			.param("aws", awsRequestId)
			.param("id", line.requestId())
			.param("account", line.accountId())
			.param("from", from.stream().map(GrantState::name).toList())
			.param("claim", claim == null ? "" : claim)
			.update() == 1;
	}

	/** soc2ops's grant failed for good: an operator retries it or grants by hand. */
	boolean failed(Line line, String claim, String failure) {
		return jdbc.sql(
				"UPDATE access_request_account SET grant_state = 'FAILED', attempts = attempts + 1, failure = :failure,"
						+ " claim_id = NULL, lease_until = NULL WHERE request_id = :id AND account_id = :account"
						+ " AND grant_state = 'GRANTING' AND claim_id = :claim")
			.param("failure", cut(failure))
			.param("id", line.requestId())
			.param("account", line.accountId())
			.param("claim", claim)
			.update() == 1;
	}

	/** A try that threw: again from {@code next}. */
	void later(Line line, String claim, String failure, Instant next) {
		jdbc.sql(
				"UPDATE access_request_account SET attempts = attempts + 1, failure = :failure, next_attempt_at = :next,"
						+ " claim_id = NULL, lease_until = NULL WHERE request_id = :id AND account_id = :account"
						+ " AND claim_id = :claim")
			.param("failure", cut(failure))
			.param("next", time(next))
			.param("id", line.requestId())
			.param("account", line.accountId())
			.param("claim", claim)
			.update();
	}

	/** A failed grant tried again by soc2ops. */
	boolean retry(Line line, Instant at) {
		return jdbc
			.sql("UPDATE access_request_account SET grant_state = 'GRANTING', attempts = 0, next_attempt_at = :at"
					+ " WHERE request_id = :id AND account_id = :account AND grant_state = 'FAILED'")
			.param("at", time(at))
			.param("id", line.requestId())
			.param("account", line.accountId())
			.update() == 1;
	}

	int attempts(Line line) {
		return jdbc.sql("SELECT attempts FROM access_request_account WHERE request_id = :id AND account_id = :account")
			.param("id", line.requestId())
			.param("account", line.accountId())
			.query(Integer.class)
			.single();
	}

	/** Grants soc2ops is to make now, oldest first. */
	List<Line> dueGrants(Instant now, int limit) {
		return lines("grant_state = 'GRANTING' AND " + FREE, now, limit);
	}

	/** Identity Center assignments soc2ops is to delete now. */
	List<Line> dueDeletes(Instant now, int limit) {
		return lines("removing = TRUE AND " + FREE, now, limit);
	}

	private List<Line> lines(String where, Instant now, int limit) {
		return jdbc
			.sql("SELECT request_id, account_id FROM access_request_account WHERE " + where
					+ " ORDER BY next_attempt_at, request_id, account_id LIMIT :limit")
			.param("now", time(now))
			.param("limit", limit)
			.query((rs, row) -> new Line(rs.getLong(1), rs.getString(2).strip()))
			.list();
	}

	/**
	 * Claims a due grant ({@code removing} false) or delete (true) until {@code until}.
	 */
	boolean claim(Line line, boolean removing, String claim, Instant now, Instant until) {
		return jdbc
			.sql("UPDATE access_request_account SET claim_id = :claim, lease_until = :until WHERE request_id = :id"
					+ " AND account_id = :account AND " + (removing ? "removing = TRUE" : "grant_state = 'GRANTING'")
					+ " AND " + FREE)
			.param("claim", claim)
			.param("until", time(until))
			.param("id", line.requestId())
			.param("account", line.accountId())
			.param("now", time(now))
			.update() == 1;
	}

	/**
	 * The account's access ended; {@code removing}: soc2ops deletes the assignment. A
	 * grant's claim stays: while its create call may still be under way, the delete waits
	 * until the courier lets go of it ({@link #release}) or its lease runs out, so a late
	 * create is never left behind a delete that came first.
	 */
	void end(Line line, @Nullable Long removal, boolean removing, Instant at) {
		jdbc.sql("UPDATE access_request_account SET grant_state = 'ENDED', ended_at = :at, removal_id = :removal,"
				+ " removing = :removing, next_attempt_at = :at, attempts = 0,"
				+ " claim_id = CASE WHEN grant_state = 'GRANTING' THEN claim_id END,"
				+ " lease_until = CASE WHEN grant_state = 'GRANTING' THEN lease_until END"
				+ " WHERE request_id = :id AND account_id = :account")
			.param("at", time(at))
			.param("removal", removal)
			.param("removing", removing)
			.param("id", line.requestId())
			.param("account", line.accountId())
			.update();
	}

	/** Lets go of a claim whose grant ended while its call was under way. */
	boolean release(Line line, String claim) {
		return jdbc
			.sql("UPDATE access_request_account SET claim_id = NULL, lease_until = NULL WHERE request_id = :id"
					+ " AND account_id = :account AND claim_id = :claim")
			.param("id", line.requestId())
			.param("account", line.accountId())
			.param("claim", claim)
			.update() == 1;
	}

	/** soc2ops's delete is over (done or given up on): the removal's task stays open. */
	boolean deleted(Line line, String claim) {
		return jdbc
			.sql("UPDATE access_request_account SET removing = FALSE, claim_id = NULL, lease_until = NULL"
					+ " WHERE request_id = :id AND account_id = :account AND claim_id = :claim")
			.param("id", line.requestId())
			.param("account", line.accountId())
			.param("claim", claim)
			.update() == 1;
	}

	private static String cut(String text) {
		return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
	}

}
