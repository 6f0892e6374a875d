package io.soc2ops.alerting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;

/**
 * An alert a rule raised for one finding of one event.
 *
 * @param findingKey the finding's key in soc2ops (its page is {@code /findings/{key}})
 * @param findingId the finding's ASFF {@code Id}
 * @param productArn the finding's ASFF {@code ProductArn} (empty for alerts raised before
 * soc2ops kept it)
 * @param findingType its first ASFF {@code Types} entry, or empty
 * @param eventId the EventBridge event's {@code id} (or {@code sha256:} of the envelope
 * when it had none)
 */
public record Alert(String id, String ruleName, Severity severity, String productName, String findingKey,
		String findingId, String productArn, String title, String findingType, String accountId, String region,
		String resourceType, String resourceId, @Nullable Instant firstObservedAt, @Nullable Instant lastObservedAt,
		Instant raisedAt, IntakeChannel channel, String eventId) {

}
