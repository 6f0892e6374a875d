package io.soc2ops.policies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a policy sent as JSON (the same fields as the YAML file) into a
 * {@link DocumentTree}; a field named twice is refused, not silently the last.
 */
final class PolicyJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private PolicyJson() {
	}

	static DocumentTree parse(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			var at = ex.getLocation();
			String where = at == null || at.getLineNr() < 1 ? ""
					: "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
			throw PolicyRefused.invalid("", "not valid JSON: " + where
					+ String.valueOf(ex.getOriginalMessage()).lines().findFirst().orElse("unreadable"));
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			throw PolicyRefused.invalid("", "the body is empty");
		}
		return new DocumentTree(value(root), new HashMap<>());
	}

	private static Object value(JsonNode node) {
		if (node.isObject()) {
			var fields = new LinkedHashMap<String, Object>();
			node.properties().forEach(field -> fields.put(field.getKey(), value(field.getValue())));
			return fields;
		}
		if (node.isArray()) {
			var items = new ArrayList<Object>();
			node.values().forEach(item -> items.add(value(item)));
			return items;
		}
		if (node.isNull()) {
			return Scalar.NULL;
		}
		if (node.isNumber()) {
			return new Scalar(node.toString(), Scalar.Kind.NUMBER);
		}
		if (node.isBoolean()) {
			return new Scalar(node.toString(), Scalar.Kind.BOOLEAN);
		}
		return new Scalar(node.asString(), Scalar.Kind.STRING);
	}

}
