package io.soc2ops.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.soc2ops.findings.Severity;

/**
 * The outbox's rows in {@code alert_delivery}. A delivery whose idempotency key is stored
 * already is skipped by the database (as in {@link AlertStore}). Claiming is a
 * conditional UPDATE that takes only rows nobody holds (or whose holder's lease ran out),
 * so of two instances claiming the same rows at once each row goes to one of them.
 */
@Repository
class DeliveryStore {

	static final int MAX_ERROR = 1024;

	private static final String INSERT_COLUMNS = "id, idempotency_key, alert_id, route_name, rule_name, storm_key, "
			+ "state, attempts, next_attempt_at, created_at";

	private static final String INSERT_VALUES = ":id, :key, :alert, :route, :rule, :storm, 'PENDING', 0, :now, :now";

	private static final String CLAIMABLE = "d.state = 'PENDING' AND d.next_attempt_at <= :now "
			+ "AND (d.lease_until IS NULL OR d.lease_until < :now)";

	private static final String VIEW = "SELECT d.id, d.alert_id, d.route_name, d.rule_name, d.state, d.attempts, "
			+ "d.next_attempt_at, d.lease_until, d.last_error, d.created_at, d.delivered_at, d.group_id, a.title, "
			+ "a.severity FROM alert_delivery d JOIN alert a ON a.id = d.alert_id ";

	private final JdbcClient jdbc;

	private final String insert;

	private final NamedParameterJdbcOperations batch;

	DeliveryStore(JdbcClient jdbc, NamedParameterJdbcOperations batch, DataSource dataSource)
			throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.batch = batch;
		this.insert = InsertUnlessStored.sql(dataSource, "alert_delivery", INSERT_COLUMNS, INSERT_VALUES,
				new InsertUnlessStored.Key("idempotency_key", "key", "VARCHAR(64)"));
	}

	/** A delivery to store: one alert to one route. */
	record NewDelivery(String id, String key, Alert alert, String route, String stormKey, Instant now) {
	}

	/** Stores the deliveries in one batch, skipping those whose key is stored already. */
	void insertAll(List<NewDelivery> deliveries) {
		batch.batchUpdate(insert,
				deliveries.stream()
					.map(d -> new MapSqlParameterSource().addValue("id", d.id())
						.addValue("key", d.key())
						.addValue("alert", d.alert().id())
						.addValue("route", d.route())
						.addValue("rule", d.alert().ruleName())
						.addValue("storm", d.stormKey())
						.addValue("now", RuleStore.at(d.now())))
					.toArray(SqlParameterSource[]::new));
	}

	/** Routes with a delivery that is due and held by nobody. */
	List<String> dueRoutes(Instant now) {
		return jdbc.sql("SELECT DISTINCT d.route_name FROM alert_delivery d WHERE " + CLAIMABLE)
			.param("now", RuleStore.at(now))
			.query(String.class)
			.list();
	}

	/**
	 * Claims the route's oldest due delivery and up to {@code max} due ones like it (same
	 * storm key), oldest first, for {@code claimId} until {@code leaseUntil}.
	 * @return what this claim got: nothing when nothing was due or others got it first
	 */
	List<Claimed> claim(String route, Instant now, Instant leaseUntil, String claimId, String instance, int max) {
		var storm = jdbc
			.sql("SELECT d.storm_key FROM alert_delivery d WHERE d.route_name = :route AND " + CLAIMABLE
					+ " ORDER BY d.next_attempt_at, d.created_at, d.id LIMIT 1")
			.param("route", route)
			.param("now", RuleStore.at(now))
			.query(String.class)
			.optional();
		if (storm.isEmpty()) {
			return List.of();
		}
		var ids = jdbc
			.sql("SELECT d.id FROM alert_delivery d WHERE d.route_name = :route AND d.storm_key = :storm AND "
					+ CLAIMABLE + " ORDER BY d.created_at, d.id LIMIT :max")
			.param("route", route)
			.param("storm", storm.get())
			.param("now", RuleStore.at(now))
			.param("max", max)
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("UPDATE alert_delivery d SET claim_id = :claim, claimed_by = :instance, lease_until = :until "
				+ "WHERE d.id IN (:ids) AND " + CLAIMABLE)
			.param("claim", claimId)
			.param("instance", instance)
			.param("until", RuleStore.at(leaseUntil))
			.param("ids", ids)
			.param("now", RuleStore.at(now))
			.update();
		return jdbc
			.sql("SELECT id, alert_id, attempts FROM alert_delivery WHERE claim_id = :claim ORDER BY created_at, id")
			.param("claim", claimId)
			.query((rs, row) -> new Claimed(rs.getString("id"), rs.getString("alert_id"), rs.getInt("attempts")))
			.list();
	}

	/** Marks what the claim still holds delivered, together under the group ID if any. */
	int delivered(String claimId, Instant now, @Nullable String groupId) {
		return jdbc
			.sql("UPDATE alert_delivery SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = :now, "
					+ "group_id = :group, claim_id = NULL, lease_until = NULL "
					+ "WHERE claim_id = :claim AND state = 'PENDING'")
			.param("now", RuleStore.at(now))
			.param("group", groupId)
			.param("claim", claimId)
			.update();
	}

	/**
	 * Records a failed attempt of a delivery the claim still holds: pending again from
	 * {@code nextAttemptAt}, or dead.
	 * @return false when the claim no longer holds it
	 */
	boolean failed(String id, String claimId, Instant nextAttemptAt, String error, boolean dead) {
		return jdbc
			.sql("UPDATE alert_delivery SET state = :state, attempts = attempts + 1, next_attempt_at = :next, "
					+ "last_error = :error, claim_id = NULL, lease_until = NULL "
					+ "WHERE id = :id AND claim_id = :claim AND state = 'PENDING'")
			.param("state", dead ? "DEAD" : "PENDING")
			.param("next", RuleStore.at(nextAttemptAt))
			.param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
			.param("id", id)
			.param("claim", claimId)
			.update() == 1;
	}

	/** Makes a dead delivery pending again, due now, with a fresh count of attempts. */
	boolean revive(String id, Instant now) {
		return jdbc
			.sql("UPDATE alert_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now "
					+ "WHERE id = :id AND state = 'DEAD'")
			.param("now", RuleStore.at(now))
			.param("id", id)
			.update() == 1;
	}

	Optional<Delivery> find(String id, Instant now) {
		return jdbc.sql(VIEW + "WHERE d.id = :id").param("id", id).query((rs, row) -> delivery(rs, now)).optional();
	}

	/** Newest first; {@code state} and {@code route} narrow it when given. */
	List<Delivery> list(Delivery.@Nullable State state, @Nullable String route, int limit, int offset, Instant now) {
		return jdbc
			.sql(VIEW + where(state, route) + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
			.param("state", state == null ? "" : state.name())
			.param("route", route == null ? "" : route)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> delivery(rs, now))
			.list();
	}

	long count(Delivery.@Nullable State state, @Nullable String route) {
		return jdbc.sql("SELECT COUNT(*) FROM alert_delivery d " + where(state, route))
			.param("state", state == null ? "" : state.name())
			.param("route", route == null ? "" : route)
			.query(Long.class)
			.single();
	}

	List<String> deadOf(String route) {
		return jdbc
			.sql("SELECT id FROM alert_delivery WHERE route_name = :route AND state = 'DEAD' ORDER BY created_at, id")
			.param("route", route)
			.query(String.class)
			.list();
	}

	/**
	 * How many deliveries each route has in each state, and how many pending are claimed.
	 */
	List<RouteCount> counts(Instant now) {
		return jdbc
			.sql("SELECT route_name, state, COUNT(*) AS n, "
					+ "SUM(CASE WHEN lease_until >= :now THEN 1 ELSE 0 END) AS claimed "
					+ "FROM alert_delivery GROUP BY route_name, state ORDER BY route_name, state")
			.param("now", RuleStore.at(now))
			.query((rs, row) -> new RouteCount(rs.getString("route_name"),
					Delivery.State.valueOf(rs.getString("state")), rs.getLong("n"), rs.getLong("claimed")))
			.list();
	}

	private static String where(Delivery.@Nullable State state, @Nullable String route) {
		var conditions = new java.util.ArrayList<String>();
		if (state != null) {
			conditions.add("d.state = :state");
		}
		if (route != null) {
			conditions.add("d.route_name = :route");
		}
		return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
	}

	private static Delivery delivery(ResultSet rs, Instant now) throws SQLException {
		var lease = at(rs, "lease_until");
		return new Delivery(rs.getString("id"), rs.getString("alert_id"), rs.getString("route_name"),
				rs.getString("rule_name"), Delivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
				RuleStore.instant(rs, "next_attempt_at"), lease != null && !lease.isBefore(now),
				rs.getString("last_error"), RuleStore.instant(rs, "created_at"), at(rs, "delivered_at"),
				rs.getString("group_id"), rs.getString("title"), Severity.valueOf(rs.getString("severity")));
	}

	private static @Nullable Instant at(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** A delivery as a claim holds it. */
	record Claimed(String id, String alertId, int attempts) {
	}

	/** Deliveries of one route in one state; {@code claimed} of them held right now. */
	record RouteCount(String route, Delivery.State state, long count, long claimed) {
	}

}
