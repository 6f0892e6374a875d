package io.soc2ops.findings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything soc2ops knows of one finding: its current version, every version it accepted
 * (newest first), and the finding as received.
 *
 * @param raw the current version as received (compact JSON)
 * @param rawPretty the same, indented for people
 * @param firstSeenAt when soc2ops first stored the finding
 * @param lastChangedAt when soc2ops last stored a newer version
 */
public record FindingDetail(FindingSummary summary, String findingId, String productArn, String generatorId,
		FindingFormat format, List<String> types, List<AffectedResource> resources, @Nullable Instant firstObservedAt,
		@Nullable Instant lastObservedAt, Instant createdAt, Instant firstSeenAt, Instant lastChangedAt,
		IntakeChannel channel, String raw, String rawPretty, List<Version> history) {

	public FindingDetail {
		types = List.copyOf(types);
		resources = List.copyOf(resources);
		history = List.copyOf(history);
	}

	/** One version soc2ops accepted ({@code finding_history}). */
	public record Version(Instant updatedAt, Severity severity, @Nullable ComplianceStatus compliance,
			RecordState recordState, WorkflowStatus workflowStatus, Instant recordedAt, IntakeChannel channel) {

		/** As {@link FindingSummary#state()}. */
		public String state() {
			return FindingSummary.state(compliance, recordState, workflowStatus);
		}

	}

}
