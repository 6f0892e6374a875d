package io.soc2ops.alerting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.soc2ops.alerting.EventTrial.Kind;
import io.soc2ops.alerting.EventTrial.Miss;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Why a pattern does not match an event. The pattern is taken apart into its fields (per
 * alternative of each {@code $or}), and each field is matched on its own by event-ruler,
 * so that every operator (exact, prefix, suffix, anything-but, numeric, exists, cidr,
 * wildcard, equals-ignore-case) is judged exactly as in the whole match. A pattern whose
 * fields each match but which does not match as a whole has matched them in different
 * elements of an array.
 */
final class WhyNot {

	private static final int SHOWN_VALUES = 5;

	private static final int SHOWN_CHARACTERS = 120;

	private WhyNot() {
	}

	static List<Miss> misses(String pattern, JsonNode event) {
		var alternatives = alternatives(Envelopes.JSON.readTree(pattern), List.of());
		String text = Envelopes.JSON.writeValueAsString(event);
		var misses = new ArrayList<Miss>();
		for (int i = 0; i < alternatives.size(); i++) {
			int branch = alternatives.size() > 1 ? i + 1 : 0;
			var fields = alternatives.get(i);
			var ofBranch = new ArrayList<Miss>();
			fields.forEach((path, wanted) -> {
				if (!matches(nested(Map.of(path, wanted)), text)) {
					var found = values(event, path, 0, new ArrayList<>());
					ofBranch.add(new Miss(found.isEmpty() ? Kind.ABSENT : Kind.DIFFERENT, branch,
							String.join(".", path), shown(wanted.toString()), found));
				}
			});
			if (ofBranch.isEmpty() && !matches(nested(fields), text)) {
				ofBranch
					.add(new Miss(Kind.NOT_IN_ONE_ELEMENT, branch, "", shown(nested(fields).toString()), List.of()));
			}
			misses.addAll(ofBranch);
		}
		return misses;
	}

	/** Each alternative of the pattern as its fields: path to the list of matchers. */
	private static List<Map<List<String>, JsonNode>> alternatives(JsonNode object, List<String> prefix) {
		List<Map<List<String>, JsonNode>> result = new ArrayList<>();
		result.add(new LinkedHashMap<>());
		for (var field : object.properties()) {
			var value = field.getValue();
			List<Map<List<String>, JsonNode>> options;
			if (field.getKey().equals("$or") && value.isArray()) {
				options = new ArrayList<>();
				for (var alternative : value) {
					options.addAll(alternatives(alternative, prefix));
				}
			}
			else if (value.isObject()) {
				options = alternatives(value, append(prefix, field.getKey()));
			}
			else {
				options = List.of(Map.of(append(prefix, field.getKey()), value));
			}
			List<Map<List<String>, JsonNode>> combined = new ArrayList<>();
			for (var sofar : result) {
				for (var option : options) {
					var both = new LinkedHashMap<>(sofar);
					both.putAll(option);
					combined.add(both);
				}
			}
			result = combined;
		}
		return result;
	}

	private static List<String> append(List<String> path, String name) {
		var longer = new ArrayList<>(path);
		longer.add(name);
		return List.copyOf(longer);
	}

	/** A pattern of the given fields, nested by their paths. */
	private static ObjectNode nested(Map<List<String>, JsonNode> fields) {
		ObjectNode root = Envelopes.JSON.createObjectNode();
		fields.forEach((path, wanted) -> {
			ObjectNode parent = root;
			for (String name : path.subList(0, path.size() - 1)) {
				parent = parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
			}
			parent.set(path.getLast(), wanted);
		});
		return root;
	}

	private static boolean matches(ObjectNode pattern, String event) {
		var machine = EventPattern.machine(List.of(Map.entry("field", pattern.toString())));
		return !EventPattern.matches(machine, event).isEmpty();
	}

	/** The event's values at the path, through arrays as event-ruler walks them. */
	private static List<String> values(JsonNode node, List<String> path, int depth, List<String> found) {
		if (found.size() == SHOWN_VALUES) {
			return found;
		}
		if (node.isArray()) {
			for (var element : node) {
				values(element, path, depth, found);
			}
		}
		else if (depth == path.size()) {
			found.add(node.isObject() ? "{...}" : shown(node.toString()));
		}
		else if (node.isObject() && node.has(path.get(depth))) {
			values(node.get(path.get(depth)), path, depth + 1, found);
		}
		return found;
	}

	private static String shown(String json) {
		return json.length() > SHOWN_CHARACTERS ? json.substring(0, SHOWN_CHARACTERS) + "..." : json;
	}

}
