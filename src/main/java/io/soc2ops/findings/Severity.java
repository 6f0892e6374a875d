package io.soc2ops.findings;

/**
 * ASFF {@code Severity.Label}. When a finding carries only {@code Severity.Normalized},
 * the label follows AWS's documented ranges: 0 informational, 1-39 low, 40-69 medium,
 * 70-89 high, 90-100 critical.
 */
public enum Severity {

	INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

	/** The label AWS documents for a {@code Severity.Normalized} value (0-100). */
	public static Severity ofNormalized(int normalized) {
		if (normalized < 0 || normalized > 100) {
			throw new IllegalArgumentException("Severity.Normalized must be 0-100 but was " + normalized);
		}
		if (normalized == 0) {
			return INFORMATIONAL;
		}
		if (normalized < 40) {
			return LOW;
		}
		if (normalized < 70) {
			return MEDIUM;
		}
		return normalized < 90 ? HIGH : CRITICAL;
	}

}
