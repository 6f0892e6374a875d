package io.soc2ops.findings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A finding normalised from whatever format and channel it came by.
 *
 * @param securityControlId the consolidated Security Hub control ID ({@code S3.8}) for a
 * control finding, resolved from {@code Compliance.SecurityControlId} or, for findings of
 * older standards, from {@code GeneratorId}; null for threat and vulnerability findings
 * @param raw the finding as received, for the finding page and the auditor
 */
public record Finding(FindingKey key, FindingFormat format, String accountId, String region, String productName,
		String generatorId, String title, Severity severity, List<String> types, @Nullable String securityControlId,
		@Nullable ComplianceStatus compliance, RecordState recordState, WorkflowStatus workflowStatus,
		List<AffectedResource> resources, @Nullable Instant firstObservedAt, @Nullable Instant lastObservedAt,
		Instant createdAt, Instant updatedAt, String raw) {

	public Finding {
		types = List.copyOf(types);
		resources = List.copyOf(resources);
	}

	/** The resource shown in lists: the first one. */
	public AffectedResource resource() {
		return resources.getFirst();
	}

	/** A failing control finding that still applies. */
	public boolean failing() {
		return compliance == ComplianceStatus.FAILED && recordState == RecordState.ACTIVE
				&& workflowStatus != WorkflowStatus.SUPPRESSED;
	}

}
