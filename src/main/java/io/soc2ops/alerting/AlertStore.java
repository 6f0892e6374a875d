package io.soc2ops.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;
import io.soc2ops.alerting.OnAlertRaised.Raised;

/**
 * Alerts in {@code alert}. An alert whose idempotency key is stored already is skipped,
 * and the key is unique in the database, so the same event delivered twice, even to two
 * instances at once, raises it once: of two transactions storing it at once, one fails on
 * the key and is done again (by the intake), and then finds it stored.
 */
@Repository
class AlertStore {

	static final String COLUMNS = "id, idempotency_key, event_id, rule_name, severity, product_name, "
			+ "finding_key, finding_id, product_arn, title, finding_type, account_id, region, resource_type, resource_id, "
			+ "first_observed_at, last_observed_at, raised_at, channel";

	private static final String VALUES = ":id, :key, :eventId, :rule, :severity, :product, :findingKey, :findingId, "
			+ ":productArn, :title, :type, :account, :region, :resourceType, :resourceId, :firstObserved, :lastObserved, :raisedAt, "
			+ ":channel";

	private static final String INSERT = "INSERT INTO alert (" + COLUMNS + ") VALUES (" + VALUES + ")";

	private static final int MAX_IN = 500;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	AlertStore(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Stores the alerts whose idempotency key is neither stored already nor earlier in
	 * the list, in one batch.
	 * @return those stored, in order
	 */
	List<Raised> insertNew(List<Raised> candidates) {
		var seen = new HashSet<>(storedKeys(candidates.stream().map(Raised::idempotencyKey).toList()));
		var fresh = candidates.stream().filter(candidate -> seen.add(candidate.idempotencyKey())).toList();
		if (!fresh.isEmpty()) {
			batch.batchUpdate(INSERT, fresh.stream().map(AlertStore::row).toArray(SqlParameterSource[]::new));
		}
		return fresh;
	}

	private List<String> storedKeys(List<String> keys) {
		var stored = new ArrayList<String>();
		for (int from = 0; from < keys.size(); from += MAX_IN) {
			stored.addAll(jdbc.sql("SELECT idempotency_key FROM alert WHERE idempotency_key IN (:keys)")
				.param("keys", keys.subList(from, Math.min(keys.size(), from + MAX_IN)))
				.query(String.class)
				.list());
		}
		return stored;
	}

	private static SqlParameterSource row(Raised raised) {
		var alert = raised.alert();
		return new MapSqlParameterSource().addValue("id", alert.id())
			.addValue("key", raised.idempotencyKey())
			.addValue("eventId", alert.eventId())
			.addValue("rule", alert.ruleName())
			.addValue("severity", alert.severity().name())
			.addValue("product", alert.productName())
			.addValue("findingKey", alert.findingKey())
			.addValue("findingId", alert.findingId())
			.addValue("productArn", alert.productArn())
			.addValue("title", alert.title())
			.addValue("type", alert.findingType())
			.addValue("account", alert.accountId())
			.addValue("region", alert.region())
			.addValue("resourceType", alert.resourceType())
			.addValue("resourceId", alert.resourceId())
			.addValue("firstObserved", at(alert.firstObservedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("lastObserved", at(alert.lastObservedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("raisedAt", RuleStore.at(alert.raisedAt()))
			.addValue("channel", alert.channel().name());
	}

	List<Alert> newest(int limit, int offset) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM alert ORDER BY raised_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> alert(rs))
			.list();
	}

	Optional<Alert> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> alert(rs))
			.optional();
	}

	/** The alerts with these IDs, in no particular order. */
	List<Alert> withIds(java.util.Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, row) -> alert(rs))
			.list();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM alert").query(Long.class).single();
	}

	private static @Nullable OffsetDateTime at(java.time.@Nullable Instant instant) {
		return instant == null ? null : RuleStore.at(instant);
	}

	static Alert alert(ResultSet rs) throws SQLException {
		return new Alert(rs.getString("id"), rs.getString("rule_name"), Severity.valueOf(rs.getString("severity")),
				rs.getString("product_name"), rs.getString("finding_key"), rs.getString("finding_id"),
				rs.getString("product_arn"), rs.getString("title"), rs.getString("finding_type"),
				rs.getString("account_id"), rs.getString("region"), rs.getString("resource_type"),
				rs.getString("resource_id"), optionalInstant(rs, "first_observed_at"),
				optionalInstant(rs, "last_observed_at"), RuleStore.instant(rs, "raised_at"),
				IntakeChannel.valueOf(rs.getString("channel")), rs.getString("event_id"));
	}

	static java.time.@Nullable Instant optionalInstant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
