package io.soc2ops.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An AWS Security Hub control (consolidated ID such as {@code S3.8}) and why it evidences
 * the criteria it is mapped to.
 *
 * @param standards the standards that include it: {@code FSBP}, {@code CIS-3.0.0:2.1.4},
 * ...
 */
public record SecurityHubControl(String id, String service, Severity severity, List<String> standards, String title,
		List<CriterionId> criteria, String rationale) {

	static final Pattern ID = Pattern.compile("[A-Za-z0-9]+\\.[0-9]{1,3}");

	public enum Severity {

		CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL

	}

	public SecurityHubControl {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'" + id + "' is not a Security Hub control ID (like S3.8)");
		}
		if (criteria.isEmpty() || criteria.size() > 3) {
			throw new IllegalArgumentException("control " + id + " must map to 1-3 criteria");
		}
		if (rationale.isBlank()) {
			throw new IllegalArgumentException("control " + id + " has no rationale");
		}
		standards = List.copyOf(standards);
		criteria = List.copyOf(criteria);
	}

	public boolean inFoundationalBestPractices() {
		return standards.contains("FSBP");
	}

}
