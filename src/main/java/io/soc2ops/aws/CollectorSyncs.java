package io.soc2ops.aws;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code collector_sync} table: one row per collector, account and Region.
 */
@Repository
class CollectorSyncs {

	static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;

	CollectorSyncs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CollectorSync> find(AccountRegion target, String collector) {
		return jdbc
			.sql("SELECT * FROM collector_sync WHERE account_id = :account AND region = :region"
					+ " AND collector = :collector")
			.param("account", target.account().value())
			.param("region", target.region().code())
			.param("collector", collector)
			.query(CollectorSyncs::sync)
			.optional();
	}

	/** One collector's syncs. */
	List<CollectorSync> all(String collector) {
		return jdbc.sql("SELECT * FROM collector_sync WHERE collector = :collector ORDER BY account_id, region")
			.param("collector", collector)
			.query(CollectorSyncs::sync)
			.list();
	}

	/**
	 * Everything up to {@code upTo} is collected; {@code received} findings came this
	 * time.
	 */
	void succeeded(AccountRegion target, String collector, Instant upTo, Instant attemptedAt, long received) {
		int updated = jdbc
			.sql("UPDATE collector_sync SET last_success_at = :success, last_attempt_at = :attempt, last_error = NULL,"
					+ " last_received = :received"
					+ " WHERE account_id = :account AND region = :region AND collector = :collector")
			.param("success", time(upTo))
			.param("received", received)
			.param("attempt", time(attemptedAt))
			.param("account", target.account().value())
			.param("region", target.region().code())
			.param("collector", collector)
			.update();
		if (updated == 0) {
			insertOrRetry(target, collector, upTo, attemptedAt, null, received,
					() -> succeeded(target, collector, upTo, attemptedAt, received));
		}
	}

	/** The attempt failed; the last success stays. */
	void failed(AccountRegion target, String collector, String error, Instant attemptedAt) {
		String shortened = error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
		int updated = jdbc
			.sql("UPDATE collector_sync SET last_attempt_at = :attempt, last_error = :error"
					+ " WHERE account_id = :account AND region = :region AND collector = :collector")
			.param("attempt", time(attemptedAt))
			.param("error", shortened)
			.param("account", target.account().value())
			.param("region", target.region().code())
			.param("collector", collector)
			.update();
		if (updated == 0) {
			insertOrRetry(target, collector, null, attemptedAt, shortened, 0,
					() -> failed(target, collector, error, attemptedAt));
		}
	}

	private void insertOrRetry(AccountRegion target, String collector, @Nullable Instant success, Instant attempt,
			@Nullable String error, long received, Runnable retry) {
		try {
			jdbc.sql("INSERT INTO collector_sync (account_id, region, collector, last_success_at, last_attempt_at,"
					+ " last_error, last_received) VALUES (:account, :region, :collector, :success, :attempt, :error,"
					+ " :received)")
				.param("received", received)
				.param("account", target.account().value())
				.param("region", target.region().code())
				.param("collector", collector)
				.param("success", success == null ? null : time(success))
				.param("attempt", time(attempt))
				.param("error", error)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another run inserted the row meanwhile: it exists now, so update it
			retry.run();
		}
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static CollectorSync sync(ResultSet rs, int row) throws SQLException {
		var success = rs.getObject("last_success_at", OffsetDateTime.class);
		return new CollectorSync(
				new AccountRegion(new AccountId(rs.getString("account_id").strip()),
						new Region(rs.getString("region"))),
				rs.getString("collector"), success == null ? null : success.toInstant(),
				rs.getObject("last_attempt_at", OffsetDateTime.class).toInstant(), rs.getString("last_error"),
				rs.getLong("last_received"));
	}

}
