package io.soc2ops.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.soc2ops.evidence.Actor;

/**
 * The versions of the vulnerability management policy in
 * {@code vulnerability_policy_version} with their deadlines and scope, and the policy's
 * counters in {@code policy_document}.
 */
@Repository
class PolicyStore {

	static final String POLICY = "vulnerability-management";

	private static final String COLUMNS = "version, state, effective_from, notes, source, drafted_by, drafted_at, "
			+ "canonical_text, sha256, decided_by, decided_at, decision_note, in_force_from";

	private static final String ACCOUNT = "ACCOUNT";

	private static final String RESOURCE_TYPE = "RESOURCE_TYPE";

	private final JdbcClient jdbc;

	PolicyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next version number; the policy's row stays locked until the transaction ends.
	 */
	int nextVersion() {
		jdbc.sql("UPDATE policy_document SET latest_version = latest_version + 1 WHERE name = :name")
			.param("name", POLICY)
			.update();
		return jdbc.sql("SELECT latest_version FROM policy_document WHERE name = :name")
			.param("name", POLICY)
			.query(Integer.class)
			.single();
	}

	void insert(VulnerabilityPolicyVersion version) {
		jdbc.sql("INSERT INTO vulnerability_policy_version (version, state, effective_from, notes, source, drafted_by, "
				+ "drafted_at, canonical_text, sha256) VALUES (:version, :state, :effectiveFrom, :notes, :source, "
				+ ":draftedBy, :draftedAt, :text, :sha256)")
			.param("version", version.version())
			.param("state", version.state().name())
			.param("effectiveFrom", version.terms().effectiveFrom())
			.param("notes", version.terms().notes())
			.param("source", version.source())
			.param("draftedBy", version.draftedBy().toString())
			.param("draftedAt", OffsetDateTime.ofInstant(version.draftedAt(), ZoneOffset.UTC))
			.param("text", version.text())
			.param("sha256", version.sha256())
			.update();
		for (var severity : VulnerabilitySeverity.values()) {
			jdbc.sql(
					"INSERT INTO vulnerability_policy_sla (version, severity, days) VALUES (:version, :severity, :days)")
				.param("version", version.version())
				.param("severity", severity.name())
				.param("days", version.terms().slaDays().get(severity), java.sql.Types.INTEGER)
				.update();
		}
		insertScope(version.version(), ACCOUNT, version.terms().accounts());
		insertScope(version.version(), RESOURCE_TYPE, version.terms().resourceTypes());
	}

	/** Every version, oldest first. */
	List<VulnerabilityPolicyVersion> all() {
		var sla = slaRows(null);
		var scope = scopeRows(null);
		return jdbc.sql("SELECT " + COLUMNS + " FROM vulnerability_policy_version ORDER BY version")
			.query((rs, row) -> version(rs, sla, scope))
			.list();
	}

	Optional<VulnerabilityPolicyVersion> find(int version) {
		var sla = slaRows(version);
		var scope = scopeRows(version);
		return jdbc.sql("SELECT " + COLUMNS + " FROM vulnerability_policy_version WHERE version = :version")
			.param("version", version)
			.query((rs, row) -> version(rs, sla, scope))
			.optional();
	}

	/**
	 * Marks a draft approved, if it still is a draft and no later version is approved.
	 * Locks the policy's row, so approvals of one policy happen one after the other.
	 * @return false when another decision came first; the caller rolls back
	 */
	boolean approve(int version, PolicyDecision decision, LocalDate inForceFrom) {
		int counted = jdbc
			.sql("UPDATE policy_document SET approved_version = :version WHERE name = :name "
					+ "AND approved_version < :version")
			.param("version", version)
			.param("name", POLICY)
			.update();
		return counted == 1 && decide(version, VersionState.APPROVED, decision, inForceFrom);
	}

	/**
	 * @return false when the version is no longer a draft
	 */
	boolean reject(int version, PolicyDecision decision) {
		return decide(version, VersionState.REJECTED, decision, null);
	}

	private boolean decide(int version, VersionState state, PolicyDecision decision, @Nullable LocalDate inForceFrom) {
		return jdbc.sql("UPDATE vulnerability_policy_version SET state = :state, decided_by = :by, decided_at = :at, "
				+ "decision_note = :note, in_force_from = :inForceFrom WHERE version = :version AND state = 'DRAFT'")
			.param("state", state.name())
			.param("by", decision.by().toString())
			.param("at", OffsetDateTime.ofInstant(decision.at(), ZoneOffset.UTC))
			.param("note", decision.note())
			.param("inForceFrom", inForceFrom, java.sql.Types.DATE)
			.param("version", version)
			.update() == 1;
	}

	private void insertScope(int version, String kind, Set<String> items) {
		for (String item : items) {
			jdbc.sql("INSERT INTO vulnerability_policy_scope (version, kind, item) VALUES (:version, :kind, :item)")
				.param("version", version)
				.param("kind", kind)
				.param("item", item)
				.update();
		}
	}

	private Map<Integer, Map<VulnerabilitySeverity, Integer>> slaRows(@Nullable Integer version) {
		var rows = new HashMap<Integer, Map<VulnerabilitySeverity, Integer>>();
		jdbc.sql("SELECT version, severity, days FROM vulnerability_policy_sla"
				+ (version == null ? "" : " WHERE version = :version"))
			.params(version == null ? Map.of() : Map.of("version", version))
			.query(rs -> {
				int days = rs.getInt("days");
				if (!rs.wasNull()) {
					rows.computeIfAbsent(rs.getInt("version"), v -> new EnumMap<>(VulnerabilitySeverity.class))
						.put(VulnerabilitySeverity.valueOf(rs.getString("severity")), days);
				}
			});
		return rows;
	}

	private Map<Integer, Map<String, Set<String>>> scopeRows(@Nullable Integer version) {
		var rows = new HashMap<Integer, Map<String, Set<String>>>();
		jdbc.sql("SELECT version, kind, item FROM vulnerability_policy_scope"
				+ (version == null ? "" : " WHERE version = :version"))
			.params(version == null ? Map.of() : Map.of("version", version))
			.query(rs -> {
				rows.computeIfAbsent(rs.getInt("version"), v -> new HashMap<>())
					.computeIfAbsent(rs.getString("kind"), k -> new TreeSet<>())
					.add(rs.getString("item"));
			});
		return rows;
	}

	private static VulnerabilityPolicyVersion version(ResultSet rs,
			Map<Integer, Map<VulnerabilitySeverity, Integer>> sla, Map<Integer, Map<String, Set<String>>> scope)
			throws SQLException {
		int version = rs.getInt("version");
		var covered = scope.getOrDefault(version, Map.of());
		var terms = new VulnerabilityPolicyTerms(rs.getObject("effective_from", LocalDate.class),
				sla.getOrDefault(version, Map.of()), covered.getOrDefault(ACCOUNT, Set.of()),
				covered.getOrDefault(RESOURCE_TYPE, Set.of()), rs.getString("notes"));
		var state = VersionState.valueOf(rs.getString("state"));
		String decidedBy = rs.getString("decided_by");
		var decision = decidedBy == null ? null : new PolicyDecision(Actor.parse(decidedBy), instant(rs, "decided_at"),
				java.util.Objects.requireNonNullElse(rs.getString("decision_note"), ""));
		var standing = switch (state) {
			case DRAFT -> VersionStanding.DRAFT;
			case REJECTED -> VersionStanding.REJECTED;
			case APPROVED -> VersionStanding.IN_FORCE;
		};
		return new VulnerabilityPolicyVersion(version, state, standing, terms, Actor.parse(rs.getString("drafted_by")),
				instant(rs, "drafted_at"), rs.getString("source"), rs.getString("canonical_text"),
				rs.getString("sha256"), decision, rs.getObject("in_force_from", LocalDate.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
