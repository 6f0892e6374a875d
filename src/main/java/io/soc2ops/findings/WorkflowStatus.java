package io.soc2ops.findings;

/**
 * ASFF {@code Workflow.Status}: where people are with the finding.
 */
public enum WorkflowStatus {

	NEW, NOTIFIED, RESOLVED, SUPPRESSED

}
