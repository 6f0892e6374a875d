package io.soc2ops.vulnerabilities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The approved versions of the vulnerability management policy this module has been told
 * of, kept in its own table (the policies module is never called): the one in force on a
 * day is the latest approved whose {@code effectiveFrom} has come.
 */
@Repository
class SlaPolicies {

	private static final String COLUMNS = "version, effective_from, critical_days, high_days, medium_days, low_days,"
			+ " informational_days, accounts, resource_types, approved_by, approved_at, sha256";

	private final JdbcClient jdbc;

	SlaPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a version, its resource types named as items name them; one already kept (an
	 * event delivered again) is left as it is.
	 */
	boolean keep(SlaPolicy policy, Instant receivedAt) {
		if (byVersion(policy.version()).isPresent()) {
			return false;
		}
		jdbc.sql("INSERT INTO vulnerability_policy (" + COLUMNS + ", received_at) VALUES (:version, :effectiveFrom,"
				+ " :critical, :high, :medium, :low, :informational, :accounts, :resourceTypes, :approvedBy,"
				+ " :approvedAt, :sha256, :receivedAt)")
			.param("version", policy.version())
			.param("effectiveFrom", policy.effectiveFrom())
			.param("critical", days(policy, VulnerabilitySeverity.CRITICAL))
			.param("high", days(policy, VulnerabilitySeverity.HIGH))
			.param("medium", days(policy, VulnerabilitySeverity.MEDIUM))
			.param("low", days(policy, VulnerabilitySeverity.LOW))
			.param("informational", days(policy, VulnerabilitySeverity.INFORMATIONAL))
			.param("accounts", String.join(",", policy.accounts().stream().sorted().toList()))
			.param("resourceTypes",
					String.join(",", policy.resourceTypes().stream().map(ResourceNames::type).sorted().toList()))
			.param("approvedBy", policy.approvedBy())
			.param("approvedAt", OffsetDateTime.ofInstant(policy.approvedAt(), ZoneOffset.UTC))
			.param("sha256", policy.sha256())
			.param("receivedAt", OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
			.update();
		return true;
	}

	/**
	 * The version in force on a day (UTC): the latest approved that is effective by then.
	 */
	Optional<SlaPolicy> inForceOn(LocalDate day) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM vulnerability_policy WHERE effective_from <= :day"
					+ " ORDER BY approved_at DESC, version DESC")
			.param("day", day)
			.query(SlaPolicies::policy)
			.stream()
			.findFirst();
	}

	Optional<SlaPolicy> byVersion(int version) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vulnerability_policy WHERE version = :version")
			.param("version", version)
			.query(SlaPolicies::policy)
			.optional();
	}

	/** Every version kept, oldest first. */
	List<SlaPolicy> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vulnerability_policy ORDER BY version")
			.query(SlaPolicies::policy)
			.list();
	}

	private static Integer days(SlaPolicy policy, VulnerabilitySeverity severity) {
		return policy.daysFor(severity).orElse(null);
	}

	private static SlaPolicy policy(ResultSet rs, int row) throws SQLException {
		var days = new EnumMap<VulnerabilitySeverity, Integer>(VulnerabilitySeverity.class);
		int column = 3;
		for (var severity : VulnerabilitySeverity.values()) {
			int value = rs.getInt(column++);
			if (!rs.wasNull()) {
				days.put(severity, value);
			}
		}
		return new SlaPolicy(rs.getInt("version"), rs.getObject("effective_from", LocalDate.class), days,
				set(rs.getString("accounts")), set(rs.getString("resource_types")), rs.getString("approved_by"),
				rs.getObject("approved_at", OffsetDateTime.class).toInstant(), rs.getString("sha256"));
	}

	private static Set<String> set(String joined) {
		return joined.isBlank() ? Set.of()
				: Arrays.stream(joined.split(",")).map(s -> s.strip()).collect(Collectors.toUnmodifiableSet());
	}

}
