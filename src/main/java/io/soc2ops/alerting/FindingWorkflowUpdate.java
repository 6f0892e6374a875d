package io.soc2ops.alerting;

import io.soc2ops.findings.FindingKey;

/**
 * Published (after commit) when an alert means the finding's workflow status in Security
 * Hub should change: NOTIFIED when it is raised, RESOLVED or SUPPRESSED when its case
 * closes. Whoever holds the AWS connection may write it back with
 * {@code BatchUpdateFindings}; soc2ops works the same when nobody does.
 *
 * @param note why, for the finding's Note in Security Hub (at most 512 characters)
 * @param by who caused it, for the Note's UpdatedBy
 */
public record FindingWorkflowUpdate(String alertId, FindingKey finding, String accountId, String region, Status status,
		String note, String by) {

	/** The ASFF {@code Workflow.Status} values soc2ops sets. */
	public enum Status {

		NOTIFIED, RESOLVED, SUPPRESSED

	}

	public FindingWorkflowUpdate {
		if (note.length() > 512) {
			note = note.substring(0, 512);
		}
	}

}
