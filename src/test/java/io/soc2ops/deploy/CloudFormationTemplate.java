package io.soc2ops.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A CloudFormation template, checked the way CloudFormation would check it before
 * creating anything, and "deployed" with a set of parameter values into the resources it
 * would create (conditions evaluated, {@code Fn::If} resolved, {@code AWS::NoValue}
 * dropped), so tests can read what a stack would contain.
 */
public record CloudFormationTemplate(Map<String, Object> body) {

	/** The template that sends Security Hub findings events to soc2ops. */
	public static final Path EVENTS = Path.of("deploy/aws/soc2ops-events.yaml");

	static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
			"AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

	private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
			"Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs");

	private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "Condition", "DependsOn",
			"Metadata", "DeletionPolicy", "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy");

	static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(?!!)([^}]+)}");

	public static CloudFormationTemplate read(Path file) {
		try {
			return parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static CloudFormationTemplate parse(String yaml) {
		return new CloudFormationTemplate(CloudFormationYaml.parse(yaml));
	}

	public Map<String, Object> section(String name) {
		return map(body.getOrDefault(name, Map.of()));
	}

	public Map<String, Object> parameter(String name) {
		return map(section("Parameters").get(name));
	}

	public Map<String, Object> resource(String logicalId) {
		return map(section("Resources").get(logicalId));
	}

	/**
	 * What is wrong with the template as written, whatever the parameters; empty if
	 * nothing.
	 */
	public List<String> problems() {
		var problems = new ArrayList<String>();
		body.keySet()
			.stream()
			.filter((key) -> !SECTIONS.contains(key))
			.forEach((key) -> problems.add(key + ": not a template section"));
		section("Parameters").forEach((name, declaration) -> checkParameter(name, map(declaration), problems));
		section("Resources").forEach((id, declaration) -> checkResource(id, map(declaration), problems));
		section("Outputs").forEach((name, output) -> {
			if (!map(output).containsKey("Value")) {
				problems.add("Outputs/" + name + ": has no Value");
			}
		});
		var referable = new Referable(section("Parameters").keySet(), section("Resources").keySet());
		checkReferences("Resources", section("Resources"), referable, problems);
		checkReferences("Outputs", section("Outputs"), referable, problems);
		var parametersOnly = new Referable(section("Parameters").keySet(), Set.of());
		checkReferences("Conditions", section("Conditions"), parametersOnly, problems);
		checkReferences("Rules", section("Rules"), parametersOnly, problems);
		return problems;
	}

	/**
	 * The stack CloudFormation would create with these parameter values (the others take
	 * their defaults).
	 */
	public Stack deploy(Map<String, String> arguments) {
		var conditions = new Conditions(this, arguments);
		var resources = new LinkedHashMap<String, Stack.Resource>();
		section("Resources").forEach((id, declaration) -> {
			var resource = map(declaration);
			if (conditions.holds(resource.get("Condition"))) {
				resources.put(id,
						new Stack.Resource((String) resource.get("Type"),
								map(conditions.resolve(resource.getOrDefault("Properties", Map.of()))),
								List.copyOf(dependsOn(resource))));
			}
		});
		var outputs = new LinkedHashMap<String, Object>();
		section("Outputs").forEach((name, declaration) -> {
			var output = map(declaration);
			if (conditions.holds(output.get("Condition"))) {
				outputs.put(name, conditions.resolve(output.get("Value")));
			}
		});
		return new Stack(this, resources, outputs);
	}

	/**
	 * The AssertDescription of each template rule these parameter values break: what
	 * CloudFormation answers before it creates anything.
	 */
	public List<String> refusals(Map<String, String> arguments) {
		var conditions = new Conditions(this, arguments);
		var refusals = new ArrayList<String>();
		section("Rules").values().stream().map(CloudFormationTemplate::map).forEach((rule) -> {
			if (!rule.containsKey("RuleCondition") || conditions.evaluate(rule.get("RuleCondition"))) {
				list(rule.get("Assertions")).stream()
					.map(CloudFormationTemplate::map)
					.filter((assertion) -> !conditions.evaluate(assertion.get("Assert")))
					.forEach((assertion) -> refusals.add((String) assertion.get("AssertDescription")));
			}
		});
		return refusals;
	}

	private void checkParameter(String name, Map<String, Object> declaration, List<String> problems) {
		if (!declaration.containsKey("Type")) {
			problems.add("Parameters/" + name + ": has no Type");
		}
		if (declaration.containsKey("AllowedValues") && declaration.containsKey("Default")
				&& !list(declaration.get("AllowedValues")).contains(declaration.get("Default"))) {
			problems.add("Parameters/" + name + ": its Default is not one of its AllowedValues");
		}
	}

	private void checkResource(String id, Map<String, Object> declaration, List<String> problems) {
		String at = "Resources/" + id;
		declaration.keySet()
			.stream()
			.filter((key) -> !RESOURCE_ATTRIBUTES.contains(key))
			.forEach((key) -> problems.add(at + ": " + key + " is not a resource attribute"));
		for (String dependency : dependsOn(declaration)) {
			if (!section("Resources").containsKey(dependency)) {
				problems.add(at + "/DependsOn: no resource " + dependency);
			}
		}
		String typeName = String.valueOf(declaration.get("Type"));
		var type = ResourceType.named(typeName);
		if (type.isEmpty()) {
			problems.add(at + ": resource type " + typeName + " is not one soc2ops' templates may use");
			return;
		}
		var properties = map(declaration.getOrDefault("Properties", Map.of()));
		properties.keySet()
			.stream()
			.filter((property) -> !type.get().properties().contains(property))
			.forEach((property) -> problems.add(at + ": " + typeName + " has no property " + property));
		type.get()
			.required()
			.stream()
			.filter((property) -> !properties.containsKey(property))
			.forEach((property) -> problems.add(at + ": " + typeName + " requires " + property));
	}

	private void checkReferences(String section, Map<String, Object> content, Referable referable,
			List<String> problems) {
		walk(section, content, (path, node) -> {
			if (node.get("Ref") instanceof String name && !referable.canRef(name)) {
				problems.add(path + ": Ref " + name + " names no parameter"
						+ (referable.resources().isEmpty() ? "" : " or resource"));
			}
			if (node.containsKey("Fn::GetAtt")) {
				checkGetAtt(path, list(node.get("Fn::GetAtt")), referable, problems);
			}
			if (node.containsKey("Fn::Sub")) {
				checkSub(path, node.get("Fn::Sub"), referable, problems);
			}
			if (node.get("Condition") instanceof String name && !section("Conditions").containsKey(name)) {
				problems.add(path + ": condition " + name + " is not declared");
			}
			if (node.containsKey("Fn::If") && !section("Conditions").containsKey(list(node.get("Fn::If")).getFirst())) {
				problems.add(path + ": condition " + list(node.get("Fn::If")).getFirst() + " is not declared");
			}
		});
	}

	private void checkGetAtt(String path, List<Object> target, Referable referable, List<String> problems) {
		String resource = String.valueOf(target.get(0));
		String attribute = String.valueOf(target.get(1));
		if (!referable.resources().contains(resource)) {
			problems.add(path + ": Fn::GetAtt " + resource + "." + attribute + " names no resource");
			return;
		}
		String type = String.valueOf(resource(resource).get("Type"));
		if (ResourceType.named(type).map((t) -> !t.attributes().contains(attribute)).orElse(false)) {
			problems.add(path + ": Fn::GetAtt " + resource + "." + attribute + ": " + type + " has no attribute "
					+ attribute);
		}
	}

	private void checkSub(String path, Object sub, Referable referable, List<String> problems) {
		String text = sub instanceof String s ? s : String.valueOf(list(sub).getFirst());
		Set<String> local = sub instanceof String ? Set.of() : map(list(sub).get(1)).keySet();
		var variables = SUB_VARIABLE.matcher(text);
		while (variables.find()) {
			String variable = variables.group(1);
			if (local.contains(variable) || referable.canRef(variable)) {
				continue;
			}
			int dot = variable.indexOf('.');
			if (dot < 0) {
				problems.add(path + ": Fn::Sub ${" + variable + "} names no parameter or resource");
			}
			else {
				checkGetAtt(path, List.of(variable.substring(0, dot), variable.substring(dot + 1)), referable,
						problems);
			}
		}
	}

	/** Calls the visitor on every mapping in the tree, with its path. */
	static void walk(String path, Object node, BiConsumer<String, Map<String, Object>> visitor) {
		if (node instanceof Map<?, ?> raw) {
			var mapping = map(raw);
			visitor.accept(path, mapping);
			mapping.forEach((key, value) -> walk(path + "/" + key, value, visitor));
		}
		else if (node instanceof List<?> elements) {
			for (int i = 0; i < elements.size(); i++) {
				walk(path + "/" + i, elements.get(i), visitor);
			}
		}
	}

	private static List<String> dependsOn(Map<String, Object> resource) {
		Object dependsOn = resource.get("DependsOn");
		if (dependsOn == null) {
			return List.of();
		}
		return dependsOn instanceof String one ? List.of(one) : list(dependsOn).stream().map(String::valueOf).toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		if (!(value instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("expected a mapping, found " + value);
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		if (!(value instanceof List<?>)) {
			throw new IllegalArgumentException("expected a list, found " + value);
		}
		return (List<Object>) value;
	}

	private record Referable(Set<String> parameters, Set<String> resources) {

		boolean canRef(String name) {
			return parameters.contains(name) || resources.contains(name) || PSEUDO_PARAMETERS.contains(name);
		}

	}

}
