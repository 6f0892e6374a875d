package io.soc2ops.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerablePackage;
import software.amazon.awssdk.services.inspector2.model.CvssScore;
import software.amazon.awssdk.services.inspector2.model.Finding;
import software.amazon.awssdk.services.inspector2.model.PackageVulnerabilityDetails;
import software.amazon.awssdk.services.inspector2.model.Resource;

/**
 * Turns Inspector2 findings, as {@code ListFindings} gives them, into what the
 * vulnerabilities module keeps: one {@link ObservedVulnerability} per finding and
 * resource.
 */
final class InspectorFindings {

	/** What Inspector writes as {@code fixedInVersion} when no version fixes it. */
	static final String NO_FIX = "NotAvailable";

	private InspectorFindings() {
	}

	/**
	 * The finding on each of its resources.
	 * @param target where it was read: the account and Region when the finding does not
	 * name them
	 * @param readAt when it was read: its {@code updatedAt} when it has none (nor a
	 * {@code lastObservedAt})
	 * @throws Unmappable when its type or severity is not one soc2ops knows
	 */
	static List<ObservedVulnerability> observed(Finding finding, AccountRegion target, Instant readAt) {
		var kind = kind(finding);
		var severity = severity(finding);
		var state = state(finding);
		var details = finding.packageVulnerabilityDetails();
		String cve = details == null ? null : details.vulnerabilityId();
		var packages = details == null ? List.<VulnerablePackage>of()
				: details.vulnerablePackages()
					.stream()
					.map(p -> new VulnerablePackage(p.name(), p.version(),
							NO_FIX.equals(p.fixedInVersion()) ? null : p.fixedInVersion()))
					.toList();
		Double cvss = details == null ? null : cvssScore(details).map(CvssScore::baseScore).orElse(null);
		Double epss = finding.epss() == null ? null : finding.epss().score();
		String account = finding.awsAccountId() != null ? finding.awsAccountId() : target.account().value();
		Instant updatedAt = first(finding.updatedAt(), finding.lastObservedAt(), finding.firstObservedAt(), readAt);
		var observed = new ArrayList<ObservedVulnerability>();
		for (Resource resource : finding.resources()) {
			observed.add(new ObservedVulnerability(finding.findingArn(), account,
					resource.region() != null ? resource.region() : target.region().code(), resource.id(),
					resource.typeAsString(), resource.tags(), kind, severity, title(finding), cve, packages, cvss, epss,
					state, finding.firstObservedAt(), finding.lastObservedAt(), updatedAt));
		}
		return observed;
	}

	/**
	 * The CVSS score to go by: the one from the source the vulnerability's details come
	 * from, else any; of those, the one of the highest CVSS version (the highest score
	 * among several of that version).
	 */
	static Optional<CvssScore> cvssScore(PackageVulnerabilityDetails details) {
		var scores = details.cvss().stream().filter(score -> score.baseScore() != null).toList();
		var fromSource = scores.stream()
			.filter(score -> details.source() != null && details.source().equals(score.source()))
			.toList();
		return (fromSource.isEmpty() ? scores : fromSource).stream()
			.max(Comparator.comparing((CvssScore score) -> version(score.version()))
				.thenComparing(CvssScore::baseScore));
	}

	/** A CVSS version such as {@code 3.1} or {@code 2.0}, as a number to compare. */
	private static double version(@Nullable String version) {
		if (version == null) {
			return 0;
		}
		try {
			return Double.parseDouble(version.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static VulnerabilityKind kind(Finding finding) {
		return switch (String.valueOf(finding.typeAsString())) {
			case "PACKAGE_VULNERABILITY" -> VulnerabilityKind.PACKAGE_VULNERABILITY;
			case "NETWORK_REACHABILITY" -> VulnerabilityKind.NETWORK_REACHABILITY;
			case "CODE_VULNERABILITY" -> VulnerabilityKind.CODE_VULNERABILITY;
			default -> throw new Unmappable(finding, "type", finding.typeAsString());
		};
	}

	/** {@code UNTRIAGED}: the vendor has not rated it yet. */
	private static VulnerabilitySeverity severity(Finding finding) {
		return switch (String.valueOf(finding.severityAsString())) {
			case "CRITICAL" -> VulnerabilitySeverity.CRITICAL;
			case "HIGH" -> VulnerabilitySeverity.HIGH;
			case "MEDIUM" -> VulnerabilitySeverity.MEDIUM;
			case "LOW" -> VulnerabilitySeverity.LOW;
			case "INFORMATIONAL", "UNTRIAGED" -> VulnerabilitySeverity.INFORMATIONAL;
			default -> throw new Unmappable(finding, "severity", finding.severityAsString());
		};
	}

	private static InspectorState state(Finding finding) {
		return switch (String.valueOf(finding.statusAsString())) {
			case "ACTIVE" -> InspectorState.ACTIVE;
			case "SUPPRESSED" -> InspectorState.SUPPRESSED;
			case "CLOSED" -> InspectorState.CLOSED;
			default -> throw new Unmappable(finding, "status", finding.statusAsString());
		};
	}

	/** Inspector's title; its description (required) when it has none. */
	private static String title(Finding finding) {
		if (finding.title() != null && !finding.title().isBlank()) {
			return finding.title();
		}
		return finding.description() != null ? finding.description() : finding.findingArn();
	}

	private static Instant first(@Nullable Instant a, @Nullable Instant b, @Nullable Instant c, Instant last) {
		return a != null ? a : b != null ? b : c != null ? c : last;
	}

	/** A finding whose type, severity or status soc2ops does not know. */
	static final class Unmappable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unmappable(Finding finding, String field, @Nullable String value) {
			super("finding " + finding.findingArn() + ": " + field + " '" + value + "' is not one soc2ops knows");
		}

	}

}
