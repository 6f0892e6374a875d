package io.soc2ops.findings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.soc2ops.findings.AsffNormaliser.IllegalFinding;
import tools.jackson.databind.JsonNode;

/**
 * Reads one field of an OCSF finding from its parent node; a field that does not hold is
 * an {@link IllegalFinding} naming its dotted path ({@code finding_info.uid}).
 */
final class OcsfFields {

	private OcsfFields() {
	}

	/**
	 * An OCSF time: {@code <path>_dt} as an RFC 3339 timestamp, else {@code <path>} in
	 * epoch milliseconds.
	 */
	static @Nullable Instant time(JsonNode node, String path) {
		String text = optionalText(node, path + "_dt", 64);
		if (text != null) {
			try {
				return OffsetDateTime.parse(text, AsffNormaliser.TIMESTAMP).toInstant().truncatedTo(ChronoUnit.MICROS);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalFinding(path + "_dt",
						"must be an RFC 3339 timestamp like 2026-11-28T10:15:30.000Z but was '" + text + "'");
			}
		}
		var millis = node.get(name(path));
		if (millis == null || millis.isNull()) {
			return null;
		}
		if (!millis.isIntegralNumber() || !millis.canConvertToLong()) {
			throw new IllegalFinding(path, "must be epoch milliseconds but was " + AsffNormaliser.kind(millis));
		}
		return Instant.ofEpochMilli(millis.asLong());
	}

	static List<String> strings(JsonNode node, String path) {
		var value = node.get(name(path));
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new IllegalFinding(path, "must be an array of strings but was " + AsffNormaliser.kind(value));
		}
		var result = new ArrayList<String>();
		int index = 0;
		for (var element : value) {
			if (!element.isString()) {
				throw new IllegalFinding(path + "[" + index + "]",
						"must be a string but was " + AsffNormaliser.kind(element));
			}
			result.add(element.asString());
			index++;
		}
		return result;
	}

	static JsonNode object(JsonNode node, String path) {
		var value = node.get(name(path));
		if (value == null || value.isNull()) {
			throw new IllegalFinding(path, "is required");
		}
		if (!value.isObject()) {
			throw new IllegalFinding(path, "must be an object but was " + AsffNormaliser.kind(value));
		}
		return value;
	}

	static String text(JsonNode node, String path, int max) {
		String value = optionalText(node, path, max);
		if (value == null || value.isBlank()) {
			throw new IllegalFinding(path, "is required");
		}
		return value;
	}

	static @Nullable String optionalText(JsonNode node, String path, int max) {
		var value = node.get(name(path));
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalFinding(path, "must be a string but was " + AsffNormaliser.kind(value));
		}
		String text = value.asString();
		if (text.length() > max) {
			throw new IllegalFinding(path, "is " + text.length() + " characters; at most " + max + " are allowed");
		}
		return text;
	}

	static int integer(JsonNode value, String path) {
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new IllegalFinding(path, "must be an integer but was " + AsffNormaliser.kind(value));
		}
		return value.asInt();
	}

	/** The last segment of a dotted path: the field's name in its parent. */
	static String name(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}

}
