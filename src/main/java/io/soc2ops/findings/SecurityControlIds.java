package io.soc2ops.findings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.soc2ops.catalog.Catalog;
import io.soc2ops.catalog.SecurityHubControl;

/**
 * The consolidated Security Hub control ID ({@code S3.8}) a control finding's generator
 * names: {@code security-control/S3.8}, an FSBP control of a standard
 * ({@code .../aws-foundational-security-best-practices/v/1.0.0/S3.8}), or a CIS
 * requirement that the catalog maps to its control.
 */
final class SecurityControlIds {

	private static final Pattern FSBP_GENERATOR = Pattern
		.compile(".*aws-foundational-security-best-practices/v/[0-9.]+/([A-Za-z0-9]+\\.[0-9]+)$");

	private static final Pattern CONSOLIDATED_GENERATOR = Pattern.compile("^security-control/([A-Za-z0-9]+\\.[0-9]+)$");

	private static final Pattern CIS_GENERATOR = Pattern
		.compile(".*cis-aws-foundations-benchmark/v/([0-9.]+)/(?:rule/)?([0-9.]+)$");

	private final Catalog catalog;

	SecurityControlIds(Catalog catalog) {
		this.catalog = catalog;
	}

	@Nullable String fromGenerator(String generatorId) {
		Matcher match = CONSOLIDATED_GENERATOR.matcher(generatorId);
		if (match.matches()) {
			return match.group(1);
		}
		match = FSBP_GENERATOR.matcher(generatorId);
		if (match.matches()) {
			return match.group(1);
		}
		match = CIS_GENERATOR.matcher(generatorId);
		if (match.matches()) {
			return catalog.securityHubControlForRequirement("CIS-" + match.group(1), match.group(2))
				.map(SecurityHubControl::id)
				.orElse(null);
		}
		return null;
	}

}
