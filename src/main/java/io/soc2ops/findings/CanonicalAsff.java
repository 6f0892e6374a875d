package io.soc2ops.findings;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A finding written the same way whichever channel brought it: keys sorted at every
 * level, numbers in their shortest form ({@code 8.0} is {@code 8}), no whitespace. The
 * collector rebuilds a finding from the SDK's model, which orders the keys its own way
 * and reads {@code Severity.Product} as a double; an event or a file carries AWS's JSON
 * as sent. Both must give the same stored text and hash, or the same version would count
 * as a change.
 */
final class CanonicalAsff {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private static final JsonNodeFactory NODES = JSON.getNodeFactory();

	/** Beyond this a number is kept as read rather than expanded digit by digit. */
	private static final int MAX_SCALE = 400;

	private CanonicalAsff() {
	}

	static String write(JsonNode finding) {
		return JSON.writeValueAsString(canonical(finding));
	}

	private static JsonNode canonical(JsonNode node) {
		if (node.isObject()) {
			var sorted = new TreeMap<String, JsonNode>();
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				sorted.put(property.getKey(), canonical(property.getValue()));
			}
			var object = NODES.objectNode();
			sorted.forEach(object::set);
			return object;
		}
		if (node.isArray()) {
			var array = NODES.arrayNode();
			node.forEach(element -> array.add(canonical(element)));
			return array;
		}
		if (node.isNumber()) {
			return number(node);
		}
		return node;
	}

	private static JsonNode number(JsonNode node) {
		if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
			return node;
		}
		BigDecimal value = node.decimalValue().stripTrailingZeros();
		if (Math.abs(value.scale()) > MAX_SCALE) {
			return node;
		}
		return value.scale() <= 0 ? NODES.numberNode(value.toBigIntegerExact()) : NODES.numberNode(value);
	}

}
