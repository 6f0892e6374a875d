package io.soc2ops.aws.local;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The request of {@code BatchUpdateFindings} as AWS's API reference documents it, for the
 * fields soc2ops sends: {@code FindingIdentifiers} (required, at most 100, each with
 * {@code Id} and {@code ProductArn}), {@code Note} ({@code Text} of 1-512 characters and
 * {@code UpdatedBy}, both required when a note is sent) and {@code Workflow.Status}.
 */
final class BatchUpdateShape {

	private static final Set<String> WORKFLOW_STATUSES = Set.of("NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED");

	private BatchUpdateShape() {
	}

	/** What is wrong with the request, or null when it has the documented shape. */
	static @Nullable String problem(JsonNode body) {
		var identifiers = body.path("FindingIdentifiers");
		if (!identifiers.isArray() || identifiers.isEmpty() || identifiers.size() > 100) {
			return "FindingIdentifiers must list 1-100 findings";
		}
		for (JsonNode identifier : identifiers) {
			if (blank(identifier.path("Id")) || blank(identifier.path("ProductArn"))) {
				return "every FindingIdentifier needs Id and ProductArn";
			}
		}
		var note = body.path("Note");
		if (!note.isMissingNode() && (blank(note.path("Text")) || note.path("Text").asString().length() > 512
				|| blank(note.path("UpdatedBy")))) {
			return "Note needs Text (1-512 characters) and UpdatedBy";
		}
		var workflow = body.path("Workflow");
		if (!workflow.isMissingNode() && !WORKFLOW_STATUSES.contains(workflow.path("Status").asString(""))) {
			return "Workflow.Status must be one of " + WORKFLOW_STATUSES;
		}
		return null;
	}

	private static boolean blank(JsonNode value) {
		return !value.isString() || value.asString().isBlank();
	}

}
