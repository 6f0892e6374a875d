package io.soc2ops.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.soc2ops.findings.Severity;

/** Alert rules and their routes in {@code alert_rule} and {@code alert_rule_route}. */
@Repository
class RuleStore {

	private static final String COLUMNS = "name, pattern, severity_floor, enabled, version, created_by, created_at, changed_by, changed_at";

	private final JdbcClient jdbc;

	RuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AlertRule> all() {
		var routes = routes();
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rule ORDER BY name")
			.query((rs, row) -> rule(rs, routes.getOrDefault(rs.getString("name"), List.of())))
			.list();
	}

	Optional<AlertRule> find(String name) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rule WHERE name = :name")
			.param("name", name)
			.query((rs, row) -> rule(rs, routesOf(name)))
			.optional();
	}

	/**
	 * Grows with every change to any rule (rules are never deleted), so a cached set of
	 * rules can tell that it is stale.
	 */
	long revision() {
		return jdbc.sql("SELECT COALESCE(SUM(version), 0) FROM alert_rule").query(Long.class).single();
	}

	void insert(AlertRule rule) {
		jdbc.sql("INSERT INTO alert_rule (" + COLUMNS + ") VALUES (:name, :pattern, :floor, :enabled, :version, "
				+ ":createdBy, :createdAt, :changedBy, :changedAt)")
			.param("name", rule.name())
			.param("pattern", rule.pattern())
			.param("floor", rule.severityFloor().name())
			.param("enabled", rule.enabled())
			.param("version", rule.version())
			.param("createdBy", rule.createdBy())
			.param("createdAt", at(rule.createdAt()))
			.param("changedBy", rule.changedBy())
			.param("changedAt", at(rule.changedAt()))
			.update();
		insertRoutes(rule);
	}

	/**
	 * Stores a new version of the rule, if the stored one is still the version before it.
	 * @return false when someone else changed the rule meanwhile
	 */
	boolean update(AlertRule rule) {
		int updated = jdbc
			.sql("UPDATE alert_rule SET pattern = :pattern, severity_floor = :floor, enabled = :enabled, "
					+ "version = :version, changed_by = :changedBy, changed_at = :changedAt "
					+ "WHERE name = :name AND version = :previous")
			.param("name", rule.name())
			.param("pattern", rule.pattern())
			.param("floor", rule.severityFloor().name())
			.param("enabled", rule.enabled())
			.param("version", rule.version())
			.param("previous", rule.version() - 1)
			.param("changedBy", rule.changedBy())
			.param("changedAt", at(rule.changedAt()))
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM alert_rule_route WHERE rule_name = :name").param("name", rule.name()).update();
		insertRoutes(rule);
		return true;
	}

	private void insertRoutes(AlertRule rule) {
		for (int position = 0; position < rule.routes().size(); position++) {
			jdbc.sql("INSERT INTO alert_rule_route (rule_name, position, route_name) VALUES (:rule, :position, :route)")
				.param("rule", rule.name())
				.param("position", position)
				.param("route", rule.routes().get(position))
				.update();
		}
	}

	private Map<String, List<String>> routes() {
		var routes = new HashMap<String, List<String>>();
		jdbc.sql("SELECT rule_name, route_name FROM alert_rule_route ORDER BY rule_name, position").query(rs -> {
			routes.computeIfAbsent(rs.getString("rule_name"), name -> new ArrayList<>())
				.add(rs.getString("route_name"));
		});
		return routes;
	}

	private List<String> routesOf(String name) {
		return jdbc.sql("SELECT route_name FROM alert_rule_route WHERE rule_name = :name ORDER BY position")
			.param("name", name)
			.query(String.class)
			.list();
	}

	private static AlertRule rule(ResultSet rs, List<String> routes) throws SQLException {
		return new AlertRule(rs.getString("name"), rs.getString("pattern"),
				Severity.valueOf(rs.getString("severity_floor")), routes, rs.getBoolean("enabled"),
				rs.getString("created_by"), instant(rs, "created_at"), rs.getString("changed_by"),
				instant(rs, "changed_at"), rs.getInt("version"));
	}

	static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
