package io.soc2ops.alerting;

import org.jspecify.annotations.Nullable;

import io.soc2ops.findings.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge envelopes as the rules see them: one finding at a time, so that each
 * finding of a multi-finding event is matched (and alerted on) by itself.
 */
final class Envelopes {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Envelopes() {
	}

	/**
	 * The envelope with {@code detail.findings} holding only the given finding; the
	 * envelope's other fields are shared, not copied.
	 */
	static ObjectNode withOneFinding(JsonNode envelope, JsonNode finding) {
		ObjectNode detail = JSON.createObjectNode();
		envelope.path("detail").properties().forEach(field -> detail.set(field.getKey(), field.getValue()));
		detail.set("findings", JSON.createArrayNode().add(finding));
		ObjectNode single = JSON.createObjectNode();
		envelope.properties().forEach(field -> single.set(field.getKey(), field.getValue()));
		single.set("detail", detail);
		return single;
	}

	/**
	 * The finding's severity from {@code Severity.Label}, or {@code Severity.Normalized}
	 * as AWS maps it; null when it has neither.
	 */
	static @Nullable Severity severity(JsonNode finding) {
		var severity = finding.path("Severity");
		String label = severity.path("Label").asString("");
		for (var known : Severity.values()) {
			if (known.name().equals(label)) {
				return known;
			}
		}
		var normalized = severity.path("Normalized");
		if (normalized.isIntegralNumber() && normalized.asInt() >= 0 && normalized.asInt() <= 100) {
			return Severity.ofNormalized(normalized.asInt());
		}
		return null;
	}

}
