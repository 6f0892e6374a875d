package io.soc2ops.findings;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * An EventBridge event the intake stored.
 *
 * @param eventId the envelope's {@code id}; empty when the envelope has none
 * @param channel how it came in
 * @param envelope the envelope as received (not to be changed)
 * @param findings its findings as normalised, in the order of {@code detail.findings}
 */
public record ReceivedEvent(String eventId, IntakeChannel channel, JsonNode envelope, List<Finding> findings) {

	public ReceivedEvent {
		findings = List.copyOf(findings);
	}

}
