package io.soc2ops.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;

/**
 * Alerts in {@code alert}. An alert whose idempotency key is stored already is skipped by
 * the database itself (PostgreSQL {@code ON CONFLICT DO NOTHING}, H2 {@code MERGE}), so
 * the same event delivered twice, even to two instances at once, raises it once.
 */
@Repository
class AlertStore {

	static final String COLUMNS = "id, idempotency_key, event_id, rule_name, severity, product_name, "
			+ "finding_key, finding_id, product_arn, title, finding_type, account_id, region, resource_type, resource_id, "
			+ "first_observed_at, last_observed_at, raised_at, channel";

	private static final String VALUES = ":id, :key, :eventId, :rule, :severity, :product, :findingKey, :findingId, "
			+ ":productArn, :title, :type, :account, :region, :resourceType, :resourceId, :firstObserved, :lastObserved, :raisedAt, "
			+ ":channel";

	private final JdbcClient jdbc;

	private final String insert;

	AlertStore(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.insert = InsertUnlessStored.sql(dataSource, "alert", COLUMNS, VALUES,
				new InsertUnlessStored.Key("idempotency_key", "key", "VARCHAR(64)"));
	}

	/**
	 * @return false when an alert with this idempotency key exists already
	 */
	boolean insert(Alert alert, String idempotencyKey) {
		return jdbc.sql(insert)
			.param("id", alert.id())
			.param("key", idempotencyKey)
			.param("eventId", alert.eventId())
			.param("rule", alert.ruleName())
			.param("severity", alert.severity().name())
			.param("product", alert.productName())
			.param("findingKey", alert.findingKey())
			.param("findingId", alert.findingId())
			.param("productArn", alert.productArn())
			.param("title", alert.title())
			.param("type", alert.findingType())
			.param("account", alert.accountId())
			.param("region", alert.region())
			.param("resourceType", alert.resourceType())
			.param("resourceId", alert.resourceId())
			.param("firstObserved", at(alert.firstObservedAt()))
			.param("lastObserved", at(alert.lastObservedAt()))
			.param("raisedAt", RuleStore.at(alert.raisedAt()))
			.param("channel", alert.channel().name())
			.update() == 1;
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
