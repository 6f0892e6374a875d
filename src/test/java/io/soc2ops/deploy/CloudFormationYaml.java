package io.soc2ops.deploy;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation YAML template as CloudFormation does: each short-form intrinsic
 * function ({@code !Ref X}, {@code !GetAtt R.A}, {@code !If [...]}) becomes its long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["R", "A"]}}, {@code {"Fn::If": [...]}})
 * as plain maps and lists. Duplicate keys are refused, as CloudFormation refuses them.
 */
final class CloudFormationYaml extends SafeConstructor {

	/**
	 * The functions with a {@code !Name} short form, besides Ref, Condition and GetAtt.
	 */
	private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
			"Join", "Length", "Select", "Split", "Sub", "ToJsonString", "Transform", "And", "Equals", "If", "Not", "Or",
			"Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll");

	private CloudFormationYaml(LoaderOptions options) {
		super(options);
		FUNCTIONS.forEach((name) -> yamlConstructors.put(new Tag("!" + name), new LongForm("Fn::" + name)));
		yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
		yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
		yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
	}

	static Map<String, Object> parse(String yaml) {
		var options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		Object body = new Yaml(new CloudFormationYaml(options)).load(yaml);
		if (!(body instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("a template is a YAML mapping, not " + body);
		}
		@SuppressWarnings("unchecked")
		var template = (Map<String, Object>) map;
		return template;
	}

	private Object content(Node node) {
		return switch (node) {
			case ScalarNode scalar -> constructScalar(scalar);
			case SequenceNode sequence -> constructSequence(sequence);
			case MappingNode mapping -> constructMapping(mapping);
			default -> throw new IllegalArgumentException("unexpected YAML node " + node);
		};
	}

	private final class LongForm extends AbstractConstruct {

		private final String key;

		LongForm(String key) {
			this.key = key;
		}

		@Override
		public Object construct(Node node) {
			return Map.of(key, content(node));
		}

	}

	/** {@code !GetAtt Resource.Attribute} is the list {@code [Resource, Attribute]}. */
	private final class GetAtt extends AbstractConstruct {

		@Override
		public Object construct(Node node) {
			Object value = content(node);
			if (value instanceof String dotted) {
				int dot = dotted.indexOf('.');
				if (dot < 0) {
					throw new IllegalArgumentException("!GetAtt " + dotted + " names no attribute");
				}
				value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
			}
			return Map.of("Fn::GetAtt", value);
		}

	}

}
