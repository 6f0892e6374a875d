package io.soc2ops.alerting;

import static io.soc2ops.alerting.RuleStore.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Routes and their health in {@code alert_route}. */
@Repository
class RouteStore {

	private static final String COLUMNS = "name, kind, webhook_url_sealed, webhook_url_hint, enabled, version, "
			+ "created_by, created_at, changed_by, changed_at, last_posted_at, last_error, last_error_at, "
			+ "permanent_error, permanent_error_at";

	private final JdbcClient jdbc;

	RouteStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AlertRoute> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_route ORDER BY name")
			.query((rs, row) -> stored(rs).route())
			.list();
	}

	Optional<StoredRoute> find(String name) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_route WHERE name = :name")
			.param("name", name)
			.query((rs, row) -> stored(rs))
			.optional();
	}

	void insert(StoredRoute stored) {
		var route = stored.route();
		jdbc.sql("INSERT INTO alert_route (name, kind, webhook_url_sealed, webhook_url_hint, enabled, version, "
				+ "created_by, created_at, changed_by, changed_at) VALUES (:name, :kind, :sealed, :hint, :enabled, "
				+ ":version, :createdBy, :createdAt, :changedBy, :changedAt)")
			.param("name", route.name())
			.param("kind", route.kind().name())
			.param("sealed", stored.sealedUrl())
			.param("hint", route.webhookUrlHint())
			.param("enabled", route.enabled())
			.param("version", route.version())
			.param("createdBy", route.createdBy())
			.param("createdAt", at(route.createdAt()))
			.param("changedBy", route.changedBy())
			.param("changedAt", at(route.changedAt()))
			.update();
	}

	/**
	 * Stores a new version of the route if the stored one is still the version before it.
	 * A replaced URL clears the permanent error, which was about the old one.
	 * @return false when someone else changed the route meanwhile
	 */
	boolean update(StoredRoute stored) {
		var route = stored.route();
		return jdbc
			.sql("UPDATE alert_route SET webhook_url_sealed = :sealed, webhook_url_hint = :hint, enabled = :enabled, "
					+ "version = :version, changed_by = :changedBy, changed_at = :changedAt, "
					+ "permanent_error = CASE WHEN webhook_url_sealed = :sealed THEN permanent_error END, "
					+ "permanent_error_at = CASE WHEN webhook_url_sealed = :sealed THEN permanent_error_at END "
					+ "WHERE name = :name AND version = :previous")
			.param("name", route.name())
			.param("sealed", stored.sealedUrl())
			.param("hint", route.webhookUrlHint())
			.param("enabled", route.enabled())
			.param("version", route.version())
			.param("previous", route.version() - 1)
			.param("changedBy", route.changedBy())
			.param("changedAt", at(route.changedAt()))
			.update() == 1;
	}

	/**
	 * A post to the URL sealed as {@code sealedUrl} worked. Nothing is recorded when the
	 * URL was replaced meanwhile: the outcome was about the old one.
	 */
	void posted(String name, String sealedUrl, Instant at) {
		jdbc.sql("UPDATE alert_route SET last_posted_at = :at, permanent_error = NULL, permanent_error_at = NULL "
				+ "WHERE name = :name AND webhook_url_sealed = :sealed")
			.param("name", name)
			.param("sealed", sealedUrl)
			.param("at", at(at))
			.update();
	}

	/**
	 * A post failed; if {@code permanent}, the route is marked as failing permanently.
	 */
	void failed(String name, String sealedUrl, String error, boolean permanent, Instant at) {
		String permanently = permanent ? ", permanent_error = :error, permanent_error_at = :at" : "";
		jdbc.sql("UPDATE alert_route SET last_error = :error, last_error_at = :at" + permanently
				+ " WHERE name = :name AND webhook_url_sealed = :sealed")
			.param("name", name)
			.param("sealed", sealedUrl)
			.param("error", error)
			.param("at", at(at))
			.update();
	}

	private static StoredRoute stored(ResultSet rs) throws SQLException {
		var health = new RouteHealth(optional(rs, "last_posted_at"), rs.getString("last_error"),
				optional(rs, "last_error_at"), rs.getString("permanent_error"), optional(rs, "permanent_error_at"));
		var route = new AlertRoute(rs.getString("name"), RouteKind.valueOf(rs.getString("kind")),
				rs.getString("webhook_url_hint"), rs.getBoolean("enabled"), rs.getString("created_by"),
				RuleStore.instant(rs, "created_at"), rs.getString("changed_by"), RuleStore.instant(rs, "changed_at"),
				rs.getInt("version"), health);
		return new StoredRoute(route, rs.getString("webhook_url_sealed"));
	}

	private static @Nullable Instant optional(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
