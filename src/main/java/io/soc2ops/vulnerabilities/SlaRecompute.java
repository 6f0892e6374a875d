package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * Puts every open vulnerability under the policy in force, in one set-based statement:
 * its due time becomes its clock start plus the days the policy gives its severity, or
 * none when the policy does not cover it. Fixed vulnerabilities keep the deadline they
 * were fixed under. Only rows under another version change, so running it again changes
 * nothing; it also catches up rows an intake stamped with the old version while a new one
 * was being approved.
 */
@Service
class SlaRecompute {

	private final JdbcClient jdbc;

	private final SlaPolicies policies;

	private final EvidenceLedger ledger;

	private final Clock clock;

	SlaRecompute(JdbcClient jdbc, SlaPolicies policies, EvidenceLedger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Applies the version in force today, if any, to open vulnerabilities not yet under
	 * it.
	 * @return what changed; empty when no policy is in force
	 */
	@Transactional
	public Optional<Recomputed> applyPolicyInForce(Actor by) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		var policy = policies.inForceOn(today);
		if (policy.isEmpty()) {
			return Optional.empty();
		}
		long started = System.nanoTime();
		int items = update(policy.get());
		long millis = (System.nanoTime() - started) / 1_000_000;
		var recomputed = new Recomputed(policy.get().version(), items, millis);
		if (items > 0) {
			ledger.record(new EvidenceRecord("vulnerabilities.deadlines-recomputed", by, "vulnerabilities",
					"vulnerability-policy:v" + policy.get().version(), today,
					Map.of("policyVersion", policy.get().version(), "effectiveFrom",
							policy.get().effectiveFrom().toString(), "approvedBy", policy.get().approvedBy(), "sha256",
							policy.get().sha256(), "vulnerabilities", items, "millis", millis)));
		}
		return Optional.of(recomputed);
	}

	private int update(SlaPolicy policy) {
		var params = new LinkedHashMap<String, Object>();
		params.put("version", policy.version());
		var cases = new ArrayList<String>();
		for (var severity : VulnerabilitySeverity.values()) {
			policy.daysFor(severity).ifPresent(days -> {
				String name = severity.name().toLowerCase(java.util.Locale.ROOT);
				cases.add(" WHEN '" + severity.name() + "' THEN CAST(:" + name + " AS INTEGER)");
				params.put(name, days);
			});
		}
		String days = cases.isEmpty() ? "CAST(NULL AS INTEGER)" : "CASE severity" + String.join("", cases) + " END";
		String scope = scope(policy, params);
		if (!scope.isEmpty()) {
			days = "CASE WHEN " + scope + " THEN " + days + " END";
		}
		// severity is a closed set and the days are bound: no text of the policy reaches
		// the
		// statement
		String sql = "UPDATE vulnerability_deadline SET sla_days = " + days + ", due_at = started_at + " + days
				+ " * INTERVAL '1' DAY, policy_version = :version"
				+ " WHERE fixed_at IS NULL AND (policy_version IS NULL OR policy_version <> :version)";
		return jdbc.sql(sql).params(params).update();
	}

	private static String scope(SlaPolicy policy, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (!policy.accounts().isEmpty()) {
			conditions.add("account_id IN (:accounts)");
			params.put("accounts", List.copyOf(policy.accounts()));
		}
		if (!policy.resourceTypes().isEmpty()) {
			conditions.add("resource_type IN (:resourceTypes)");
			params.put("resourceTypes", List.copyOf(policy.resourceTypes()));
		}
		return String.join(" AND ", conditions);
	}

	/**
	 * @param vulnerabilities how many open vulnerabilities moved to the version
	 * @param millis how long the statement took
	 */
	record Recomputed(int policyVersion, int vulnerabilities, long millis) {
	}

}
