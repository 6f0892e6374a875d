package io.soc2ops.findings;

/**
 * ASFF {@code Compliance.Status} of a control finding.
 */
public enum ComplianceStatus {

	PASSED, WARNING, FAILED, NOT_AVAILABLE

}
