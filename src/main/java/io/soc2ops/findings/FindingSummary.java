package io.soc2ops.findings;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A finding as a list shows it.
 *
 * @param key the digest of the finding's key (64 hex), its address in soc2ops
 * @param resourceType type of the first resource ({@code AwsS3Bucket})
 * @param resourceId ID (often an ARN) of the first resource
 */
public record FindingSummary(String key, String title, Severity severity, String accountId, String region,
		String productName, @Nullable String securityControlId, @Nullable ComplianceStatus compliance,
		RecordState recordState, WorkflowStatus workflowStatus, String resourceType, String resourceId,
		Instant updatedAt) {

	/** A failing control finding that still applies (what readiness counts). */
	public boolean failing() {
		return compliance == ComplianceStatus.FAILED && recordState == RecordState.ACTIVE
				&& workflowStatus != WorkflowStatus.SUPPRESSED;
	}

	/** A passing control finding that still applies. */
	public boolean passing() {
		return compliance == ComplianceStatus.PASSED && recordState == RecordState.ACTIVE;
	}

	/**
	 * How the finding stands, for its badge: {@code FAILING}, {@code PASSING},
	 * {@code SUPPRESSED} (failing, accepted by a person), {@code ARCHIVED}, or
	 * {@code OTHER} (no compliance result, such as a threat finding).
	 */
	public String state() {
		return state(compliance, recordState, workflowStatus);
	}

	static String state(@Nullable ComplianceStatus compliance, RecordState recordState, WorkflowStatus workflow) {
		if (recordState == RecordState.ARCHIVED) {
			return "ARCHIVED";
		}
		if (compliance == ComplianceStatus.FAILED) {
			return workflow == WorkflowStatus.SUPPRESSED ? "SUPPRESSED" : "FAILING";
		}
		return compliance == ComplianceStatus.PASSED ? "PASSING" : "OTHER";
	}

}
