package io.soc2ops.vulnerabilities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerablePackage;
import tools.jackson.core.type.TypeReference;

/** An item as read for lists and pages, before its status is worked out. */
record ItemRow(long id, String findingArn, String resourceId, String resourceType, String accountId, String region,
		@Nullable String team, String tagsJson, String kind, String title, @Nullable String cve, String packagesJson,
		@Nullable Double cvssScore, @Nullable Double epssScore, String inspectorState, String sources,
		@Nullable Instant firstObservedAt, Instant firstSeenAt, @Nullable Instant lastObservedAt,
		VulnerabilitySeverity severity, Instant startedAt, @Nullable Instant fixedAt, @Nullable Instant dueAt,
		@Nullable Integer slaDays, @Nullable Integer policyVersion) {

	static final String COLUMNS = "v.id, v.finding_arn, v.resource_id, v.resource_type, v.account_id, v.region,"
			+ " v.team, v.resource_tags, v.kind, v.title, v.cve, v.packages, v.cvss_score, v.epss_score,"
			+ " v.inspector_state, v.sources, v.first_observed_at, v.first_seen_at, v.last_observed_at, d.severity,"
			+ " d.started_at, d.fixed_at, d.due_at, d.sla_days, d.policy_version";

	static final String FROM = " FROM vulnerability_deadline d JOIN vulnerability v ON v.id = d.vulnerability_id";

	private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
	};

	private static final TypeReference<List<VulnerablePackage>> PACKAGES = new TypeReference<>() {
	};

	static ItemRow read(ResultSet rs, int row) throws SQLException {
		return new ItemRow(rs.getLong("id"), rs.getString("finding_arn"), rs.getString("resource_id"),
				rs.getString("resource_type"), rs.getString("account_id"), rs.getString("region"), rs.getString("team"),
				rs.getString("resource_tags"), rs.getString("kind"), rs.getString("title"), rs.getString("cve"),
				rs.getString("packages"), real(rs, "cvss_score"), real(rs, "epss_score"),
				rs.getString("inspector_state"), rs.getString("sources"),
				VulnerabilityStore.nullableInstant(rs, "first_observed_at"),
				VulnerabilityStore.instant(rs, "first_seen_at"),
				VulnerabilityStore.nullableInstant(rs, "last_observed_at"),
				VulnerabilitySeverity.valueOf(rs.getString("severity")), VulnerabilityStore.instant(rs, "started_at"),
				VulnerabilityStore.nullableInstant(rs, "fixed_at"), VulnerabilityStore.nullableInstant(rs, "due_at"),
				VulnerabilityStore.integer(rs, "sla_days"), VulnerabilityStore.integer(rs, "policy_version"));
	}

	Deadline deadline(IntFunction<Optional<SlaPolicy>> policies) {
		return Deadline.stored(dueAt, slaDays, policyVersion, policies, accountId, resourceType);
	}

	/** The item with its status at {@code at}, given its approved exceptions. */
	Vulnerability toVulnerability(Instant at, List<SlaRules.ExceptionWindow> exceptions,
			IntFunction<Optional<SlaPolicy>> policies) {
		Long inForce = exceptions.stream()
			.filter(window -> window.inForceAt(at))
			.map(SlaRules.ExceptionWindow::exceptionId)
			.findFirst()
			.orElse(null);
		return new Vulnerability(id, findingArn, resourceId, resourceType, accountId, region, team,
				ItemValues.JSON.readValue(tagsJson, TAGS), VulnerabilityKind.valueOf(kind), severity, title, cve,
				ItemValues.JSON.readValue(packagesJson, PACKAGES), cvssScore, epssScore,
				InspectorState.valueOf(inspectorState), VulnerabilityStore.parseSources(sources), firstObservedAt,
				firstSeenAt, lastObservedAt, startedAt, dueAt, slaDays, policyVersion, deadline(policies).note(),
				fixedAt, SlaRules.statusAt(at, fixedAt, dueAt, exceptions), inForce);
	}

	static @Nullable Double real(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
