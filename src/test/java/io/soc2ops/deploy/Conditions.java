package io.soc2ops.deploy;

import static io.soc2ops.deploy.CloudFormationTemplate.list;
import static io.soc2ops.deploy.CloudFormationTemplate.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A template's conditions and rule assertions evaluated for one set of parameter values,
 * as CloudFormation evaluates them: Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition
 * over parameter values (a parameter not given takes its Default).
 */
final class Conditions {

	/** What {@code AWS::NoValue} leaves behind: nothing, so the key or element goes. */
	private static final Object NO_VALUE = new Object();

	private final CloudFormationTemplate template;

	private final Map<String, String> arguments;

	Conditions(CloudFormationTemplate template, Map<String, String> arguments) {
		arguments.keySet()
			.stream()
			.filter((name) -> !template.section("Parameters").containsKey(name))
			.findFirst()
			.ifPresent((name) -> {
				throw new IllegalArgumentException("the template has no parameter " + name);
			});
		this.template = template;
		this.arguments = arguments;
	}

	/**
	 * Whether a resource or output with this Condition attribute (or none) is created.
	 */
	boolean holds(@Nullable Object condition) {
		return condition == null || named(String.valueOf(condition));
	}

	boolean named(String condition) {
		Object expression = template.section("Conditions").get(condition);
		if (expression == null) {
			throw new IllegalArgumentException("no condition " + condition);
		}
		return evaluate(expression);
	}

	boolean evaluate(Object expression) {
		var function = map(expression);
		if (function.get("Condition") instanceof String name) {
			return named(name);
		}
		if (function.containsKey("Fn::Equals")) {
			var operands = list(function.get("Fn::Equals"));
			return value(operands.get(0)).equals(value(operands.get(1)));
		}
		if (function.containsKey("Fn::Not")) {
			return !evaluate(list(function.get("Fn::Not")).getFirst());
		}
		if (function.containsKey("Fn::And")) {
			return list(function.get("Fn::And")).stream().allMatch(this::evaluate);
		}
		if (function.containsKey("Fn::Or")) {
			return list(function.get("Fn::Or")).stream().anyMatch(this::evaluate);
		}
		throw new IllegalArgumentException("not a condition function: " + expression);
	}

	private String value(Object operand) {
		if (operand instanceof Map<?, ?> function && map(function).get("Ref") instanceof String name) {
			return argument(name);
		}
		if (operand instanceof Map<?, ?> || operand instanceof List<?>) {
			throw new IllegalArgumentException("cannot evaluate " + operand);
		}
		return String.valueOf(operand);
	}

	private String argument(String parameter) {
		if (arguments.containsKey(parameter)) {
			return arguments.get(parameter);
		}
		Object fallback = template.parameter(parameter).get("Default");
		if (fallback == null) {
			throw new IllegalArgumentException("parameter " + parameter + " has no value and no Default");
		}
		return String.valueOf(fallback);
	}

	/** The tree with every Fn::If decided and every AWS::NoValue removed. */
	Object resolve(Object node) {
		Object resolved = resolveOrNothing(node);
		return resolved == NO_VALUE ? Map.of() : resolved;
	}

	private Object resolveOrNothing(Object node) {
		if (node instanceof Map<?, ?> raw) {
			var mapping = map(raw);
			if ("AWS::NoValue".equals(mapping.get("Ref"))) {
				return NO_VALUE;
			}
			if (mapping.size() == 1 && mapping.containsKey("Fn::If")) {
				var branches = list(mapping.get("Fn::If"));
				return resolveOrNothing(named(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
			}
			var resolved = new LinkedHashMap<String, Object>();
			mapping.forEach((key, value) -> {
				Object kept = resolveOrNothing(value);
				if (kept != NO_VALUE) {
					resolved.put(key, kept);
				}
			});
			return resolved;
		}
		if (node instanceof List<?> elements) {
			var resolved = new ArrayList<Object>();
			for (Object element : elements) {
				Object kept = resolveOrNothing(element);
				if (kept != NO_VALUE) {
					resolved.add(kept);
				}
			}
			return resolved;
		}
		return node;
	}

}
