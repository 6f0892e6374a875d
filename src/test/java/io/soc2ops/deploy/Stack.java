package io.soc2ops.deploy;

import static io.soc2ops.deploy.CloudFormationTemplate.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resources and outputs one deployment of a template would create, with intrinsic
 * functions other than Fn::If left as written (a {@code Ref} stays {@code {"Ref": "X"}}).
 */
public record Stack(CloudFormationTemplate template, Map<String, Resource> resources, Map<String, Object> outputs) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public record Resource(String type, Map<String, Object> properties, List<String> dependsOn) {

		public JsonNode json() {
			return JSON.valueToTree(properties);
		}

	}

	public Resource resource(String logicalId) {
		var resource = resources.get(logicalId);
		if (resource == null) {
			throw new IllegalArgumentException(
					"this stack has no resource " + logicalId + ", only " + resources.keySet());
		}
		return resource;
	}

	public JsonNode output(String name) {
		return JSON.valueToTree(outputs.get(name));
	}

	/**
	 * References to resources of the template that this deployment does not create
	 * (CloudFormation refuses such a template whatever the parameters).
	 */
	public List<String> problems() {
		var problems = new ArrayList<String>();
		var declared = template.section("Resources").keySet();
		resources.forEach((id, resource) -> {
			resource.dependsOn()
				.stream()
				.filter((dependency) -> !resources.containsKey(dependency))
				.forEach((dependency) -> problems.add(id + " depends on " + dependency + ", which is not created"));
			check("Resources/" + id + "/Properties", resource.properties(), declared, problems);
		});
		outputs.forEach((name, value) -> check("Outputs/" + name, value, declared, problems));
		return problems;
	}

	private void check(String path, Object tree, Set<String> declared, List<String> problems) {
		CloudFormationTemplate.walk(path, tree, (at, node) -> {
			var named = new ArrayList<String>();
			if (node.get("Ref") instanceof String name) {
				named.add(name);
			}
			if (node.containsKey("Fn::GetAtt")) {
				named.add(String.valueOf(list(node.get("Fn::GetAtt")).getFirst()));
			}
			if (node.get("Fn::Sub") instanceof String text) {
				var variables = CloudFormationTemplate.SUB_VARIABLE.matcher(text);
				while (variables.find()) {
					named.add(variables.group(1).split("\\.")[0]);
				}
			}
			named.stream()
				.filter((name) -> declared.contains(name) && !resources.containsKey(name))
				.forEach((name) -> problems.add(at + ": refers to " + name + ", which is not created"));
		});
	}

}
