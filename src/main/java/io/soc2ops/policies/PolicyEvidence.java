package io.soc2ops.policies;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * The ledger entries of the policy's versions: drafted, approved and rejected, each with
 * the version's SHA-256; the draft and the approval also carry the exact text.
 */
@Component
class PolicyEvidence {

	static final String MODULE = "policies";

	private final EvidenceLedger ledger;

	PolicyEvidence(EvidenceLedger ledger) {
		this.ledger = ledger;
	}

	/** The ledger subject of a version. */
	static String subject(int version) {
		return "policy:" + PolicyStore.POLICY + ":v" + version;
	}

	void drafted(VulnerabilityPolicyVersion version) {
		var payload = common(version);
		payload.put("source", version.source());
		payload.put("effectiveFrom", version.terms().effectiveFrom().toString());
		payload.put("sla", sla(version.terms()));
		payload.put("accounts", List.copyOf(version.terms().accounts()));
		payload.put("resourceTypes", List.copyOf(version.terms().resourceTypes()));
		payload.put("text", version.text());
		record("vulnerability-policy.drafted", version.draftedBy(), version, day(version.draftedAt()), payload);
	}

	void approved(VulnerabilityPolicyVersion version, SlaPolicy policy) {
		var decision = decision(version);
		var payload = common(version);
		payload.put("draftedBy", version.draftedBy().toString());
		payload.put("effectiveFrom", version.terms().effectiveFrom().toString());
		payload.put("inForceFrom", policy.effectiveFrom().toString());
		payload.put("sla", sla(version.terms()));
		payload.put("note", decision.note());
		payload.put("text", version.text());
		record("vulnerability-policy.approved", decision.by(), version, day(decision.at()), payload);
	}

	void rejected(VulnerabilityPolicyVersion version) {
		var decision = decision(version);
		var payload = common(version);
		payload.put("draftedBy", version.draftedBy().toString());
		payload.put("reason", decision.note());
		record("vulnerability-policy.rejected", decision.by(), version, day(decision.at()), payload);
	}

	private void record(String action, Actor by, VulnerabilityPolicyVersion version, LocalDate day,
			Map<String, Object> payload) {
		ledger.record(new EvidenceRecord(action, by, MODULE, subject(version.version()), day, payload));
	}

	private static Map<String, Object> common(VulnerabilityPolicyVersion version) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("policy", PolicyStore.POLICY);
		payload.put("version", version.version());
		payload.put("sha256", version.sha256());
		return payload;
	}

	/** Days per severity, {@code none} where there is no deadline. */
	private static Map<String, Object> sla(VulnerabilityPolicyTerms terms) {
		var sla = new LinkedHashMap<String, Object>();
		for (var severity : VulnerabilitySeverity.values()) {
			sla.put(severity.name(), terms.daysFor(severity).<Object>map(days -> days).orElse(TermsReader.NONE));
		}
		return sla;
	}

	private static PolicyDecision decision(VulnerabilityPolicyVersion version) {
		var decision = version.decision();
		if (decision == null) {
			throw new IllegalStateException("version " + version.version() + " has no decision");
		}
		return decision;
	}

	private static LocalDate day(java.time.Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

}
