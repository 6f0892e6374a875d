package io.soc2ops.vulnerabilities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.soc2ops.findings.Finding;
import io.soc2ops.findings.FindingFormat;
import io.soc2ops.findings.RecordState;
import io.soc2ops.findings.WorkflowStatus;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerablePackage;
import tools.jackson.databind.JsonNode;

/**
 * Reads an Amazon Inspector finding as Security Hub holds it, ASFF or OCSF, into one
 * observation per resource. The finding's common fields come from the findings module's
 * normalised {@link Finding}; the vulnerability's own (ASFF {@code Vulnerabilities},
 * {@code Resources[].Tags}; OCSF {@code vulnerabilities}, {@code resources[].tags}) from
 * its raw JSON. Those optional fields are taken when well formed and left out otherwise:
 * the finding itself was already accepted.
 */
final class InspectorFindings {

	private InspectorFindings() {
	}

	/**
	 * An Inspector (v2) finding: from Inspector's product, with an Inspector2 finding
	 * ARN. Cheap, as it runs for every finding stored.
	 */
	static boolean isInspector(Finding finding) {
		String product = finding.key().productArn();
		return product.endsWith("/aws/inspector") && finding.key().id().contains(":inspector2:");
	}

	static List<ObservedVulnerability> observed(Finding finding) {
		JsonNode raw = ItemValues.JSON.readTree(finding.raw());
		boolean ocsf = finding.format() == FindingFormat.OCSF;
		JsonNode vulnerabilities = raw.path(ocsf ? "vulnerabilities" : "Vulnerabilities");
		JsonNode first = vulnerabilities.path(0);
		var kind = kind(finding, first, ocsf);
		String cve = kind == VulnerabilityKind.NETWORK_REACHABILITY ? null
				: text(ocsf ? first.path("cve").path("uid") : first.path("Id"), 128);
		var packages = packages(vulnerabilities, ocsf);
		Double cvss = maxScore(vulnerabilities, ocsf);
		Double epss = score(ocsf ? first.path("cve").path("epss").path("score") : first.path("EpssScore"), 1);
		var severity = VulnerabilitySeverity.valueOf(finding.severity().name());
		var state = state(finding, raw, ocsf);
		JsonNode resources = raw.path(ocsf ? "resources" : "Resources");
		var observed = new ArrayList<ObservedVulnerability>();
		for (int i = 0; i < finding.resources().size(); i++) {
			var resource = finding.resources().get(i);
			String region = resource.region() != null && !resource.region().isBlank() ? resource.region()
					: finding.region();
			observed.add(new ObservedVulnerability(finding.key().id(), finding.accountId(), region, resource.id(),
					resource.type(), tags(resources.path(i), ocsf), kind, severity, finding.title(), cve, packages,
					cvss, epss, state, finding.firstObservedAt(), finding.lastObservedAt(), finding.updatedAt()));
		}
		return observed;
	}

	/**
	 * Code when it names vulnerable code, network reachability when it has no
	 * vulnerability or says so in its types, a package vulnerability otherwise.
	 */
	private static VulnerabilityKind kind(Finding finding, JsonNode first, boolean ocsf) {
		if (finding.types().stream().anyMatch(type -> type.contains("Network Reachability"))) {
			return VulnerabilityKind.NETWORK_REACHABILITY;
		}
		if (!first.isObject()) {
			return VulnerabilityKind.NETWORK_REACHABILITY;
		}
		JsonNode code = first.path(ocsf ? "affected_code" : "CodeVulnerabilities");
		return code.isArray() && !code.isEmpty() ? VulnerabilityKind.CODE_VULNERABILITY
				: VulnerabilityKind.PACKAGE_VULNERABILITY;
	}

	/**
	 * Closed when Security Hub closed it (archived, or resolved); otherwise Inspector's
	 * own status where the finding carries it, suppressed when suppressed, active.
	 */
	private static InspectorState state(Finding finding, JsonNode raw, boolean ocsf) {
		if (finding.recordState() == RecordState.ARCHIVED || finding.workflowStatus() == WorkflowStatus.RESOLVED) {
			return InspectorState.CLOSED;
		}
		String status = ocsf ? null : text(raw.path("ProductFields").path("aws/inspector/FindingStatus"), 16);
		if (status != null) {
			for (var state : InspectorState.values()) {
				if (state.name().equals(status)) {
					return state;
				}
			}
		}
		return finding.workflowStatus() == WorkflowStatus.SUPPRESSED ? InspectorState.SUPPRESSED
				: InspectorState.ACTIVE;
	}

	private static List<VulnerablePackage> packages(JsonNode vulnerabilities, boolean ocsf) {
		var packages = new ArrayList<VulnerablePackage>();
		for (JsonNode vulnerability : vulnerabilities) {
			for (JsonNode p : vulnerability.path(ocsf ? "affected_packages" : "VulnerablePackages")) {
				String name = text(p.path(ocsf ? "name" : "Name"), 512);
				if (name != null) {
					String version = text(p.path(ocsf ? "version" : "Version"), 256);
					packages.add(new VulnerablePackage(name, version == null ? "" : version,
							text(p.path(ocsf ? "fixed_in_version" : "FixedInVersion"), 256)));
				}
			}
		}
		return packages;
	}

	/** The highest CVSS base score any source gives. */
	private static @Nullable Double maxScore(JsonNode vulnerabilities, boolean ocsf) {
		Double max = null;
		for (JsonNode vulnerability : vulnerabilities) {
			JsonNode cvss = ocsf ? vulnerability.path("cve").path("cvss") : vulnerability.path("Cvss");
			for (JsonNode score : cvss) {
				Double value = score(score.path(ocsf ? "base_score" : "BaseScore"), 10);
				if (value != null && (max == null || value > max)) {
					max = value;
				}
			}
		}
		return max;
	}

	private static Map<String, String> tags(JsonNode resource, boolean ocsf) {
		var tags = new LinkedHashMap<String, String>();
		if (ocsf) {
			for (JsonNode tag : resource.path("tags")) {
				String name = text(tag.path("name"), 128);
				String value = text(tag.path("value"), 256);
				if (name != null && value != null) {
					tags.put(name, value);
				}
			}
		}
		else {
			resource.path("Tags").properties().forEach(tag -> {
				String value = text(tag.getValue(), 256);
				if (tag.getKey().length() <= 128 && value != null) {
					tags.put(tag.getKey(), value);
				}
			});
		}
		return tags;
	}

	private static @Nullable String text(JsonNode node, int max) {
		if (!node.isString()) {
			return null;
		}
		String text = node.asString();
		return text.isBlank() || text.length() > max || text.indexOf('\0') >= 0 ? null : text;
	}

	private static @Nullable Double score(JsonNode node, double max) {
		double value;
		if (node.isNumber()) {
			value = node.doubleValue();
		}
		else if (node.isString()) {
			try {
				value = Double.parseDouble(node.asString());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		else {
			return null;
		}
		return value >= 0 && value <= max ? value : null;
	}

}
