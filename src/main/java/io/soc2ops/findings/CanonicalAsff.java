package io.soc2ops.findings;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finding written the same way whichever channel brought it: keys sorted at every
 * level, numbers in their shortest form ({@code 8.0} is {@code 8}), no whitespace. The
 * collector rebuilds a finding from the SDK's model, which orders the keys its own way
 * and reads {@code Severity.Product} as a double; an event or a file carries AWS's JSON
 * as sent. Both must give the same stored text and hash, or the same version would count
 * as a change. Written straight from the parsed tree, without copying it: this runs for
 * every finding of a million-finding import.
 */
final class CanonicalAsff {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	/** Beyond this a number is kept as read rather than expanded digit by digit. */
	private static final int MAX_SCALE = 400;

	private CanonicalAsff() {
	}

	static String write(JsonNode finding) {
		return new String(bytes(finding), java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The canonical text as UTF-8. */
	static byte[] bytes(JsonNode finding) {
		var out = new ByteArrayOutputStream(4096);
		try (JsonGenerator generator = JSON.createGenerator(out)) {
			write(generator, finding);
		}
		return out.toByteArray();
	}

	private static void write(JsonGenerator out, JsonNode node) {
		if (node.isObject()) {
			var properties = new ArrayList<Map.Entry<String, JsonNode>>(node.size());
			node.properties().forEach(properties::add);
			properties.sort(Map.Entry.comparingByKey());
			out.writeStartObject();
			for (var property : properties) {
				out.writeName(property.getKey());
				write(out, property.getValue());
			}
			out.writeEndObject();
		}
		else if (node.isArray()) {
			out.writeStartArray();
			for (var element : node) {
				write(out, element);
			}
			out.writeEndArray();
		}
		else if (node.isNumber()) {
			number(out, node);
		}
		else if (node.isString()) {
			out.writeString(node.asString());
		}
		else {
			JSON.writeTree(out, node);
		}
	}

	private static void number(JsonGenerator out, JsonNode node) {
		if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
			JSON.writeTree(out, node);
			return;
		}
		if (node.isInt() || node.isLong()) {
			out.writeNumber(node.longValue());
			return;
		}
		if (node.isBigInteger()) {
			out.writeNumber(node.bigIntegerValue());
			return;
		}
		BigDecimal value = node.decimalValue().stripTrailingZeros();
		if (Math.abs(value.scale()) > MAX_SCALE) {
			JSON.writeTree(out, node);
		}
		else if (value.scale() <= 0) {
			out.writeNumber(value.toBigIntegerExact());
		}
		else {
			out.writeNumber(value);
		}
	}

}
