package io.soc2ops.evidence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON with object keys sorted at every level and no insignificant whitespace, so the
 * same content always yields the same bytes, and so the same hash.
 */
final class CanonicalJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private CanonicalJson() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(sorted(MAPPER.convertValue(value, Object.class)));
	}

	static Object read(String json) {
		return sorted(MAPPER.readValue(json, Object.class));
	}

	private static Object sorted(Object value) {
		if (value instanceof Map<?, ?> map) {
			var result = new TreeMap<String, Object>();
			map.forEach((key, child) -> result.put(String.valueOf(key), sorted(child)));
			return result;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CanonicalJson::sorted).toList();
		}
		return value;
	}

}
