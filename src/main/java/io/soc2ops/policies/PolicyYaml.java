package io.soc2ops.policies;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a policy file (YAML, with SnakeYAML) into a {@link DocumentTree}. A policy is
 * small and plain, so anything beyond plain mappings, sequences and scalars is refused
 * before it is looked at: anchors and aliases (the way to a "billion laughs" bomb), tags
 * ({@code !!python/object}), several documents in one file.
 */
final class PolicyYaml {

	private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
			Tag.MAP, Tag.SEQ);

	private PolicyYaml() {
	}

	static DocumentTree parse(String yaml) {
		var loader = new Yaml(options());
		try {
			refuseAliasesAndSeveralDocuments(loader.parse(new StringReader(yaml)));
			Node root = loader.compose(new StringReader(yaml));
			if (root == null) {
				throw PolicyRefused.invalid("", "the file is empty");
			}
			var lines = new HashMap<String, Integer>();
			return new DocumentTree(value(root, "", lines), lines);
		}
		catch (MarkedYAMLException ex) {
			throw refused(ex.getProblemMark(), "", "not valid YAML: " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw PolicyRefused.invalid("", "not valid YAML: " + ex.getMessage());
		}
	}

	private static LoaderOptions options() {
		var options = new LoaderOptions();
		options.setCodePointLimit(VulnerabilityPolicyDocument.MAX_BYTES);
		options.setNestingDepthLimit(10);
		options.setMaxAliasesForCollections(0);
		options.setAllowRecursiveKeys(false);
		options.setProcessComments(false);
		return options;
	}

	private static void refuseAliasesAndSeveralDocuments(Iterable<Event> events) {
		int documents = 0;
		for (Event event : events) {
			if (event instanceof AliasEvent alias) {
				throw refused(alias.getStartMark(), "",
						"aliases (*" + alias.getAnchor() + ") are not allowed in a policy file; write the value out");
			}
			if (event instanceof NodeEvent node && node.getAnchor() != null) {
				throw refused(node.getStartMark(), "",
						"anchors (&" + node.getAnchor() + ") are not allowed in a policy file; write the value out");
			}
			if (event instanceof DocumentStartEvent && ++documents > 1) {
				throw refused(event.getStartMark(), "", "a policy file holds one document; this is a second (---)");
			}
		}
	}

	private static Object value(Node node, String path, Map<String, Integer> lines) {
		lines.put(path, line(node.getStartMark()));
		if (!PLAIN.contains(node.getTag())) {
			throw refused(node.getStartMark(), path,
					"tags such as " + VulnerabilityPolicyTerms.shown(node.getTag().getValue()) + " are not allowed");
		}
		return switch (node) {
			case MappingNode mapping -> mapping(mapping, path, lines);
			case SequenceNode sequence -> {
				var items = new ArrayList<Object>();
				for (Node item : sequence.getValue()) {
					items.add(value(item, path + "[" + items.size() + "]", lines));
				}
				yield items;
			}
			case ScalarNode scalar -> scalar(scalar);
			default -> throw refused(node.getStartMark(), path, "not a value a policy file may hold");
		};
	}

	private static Map<String, Object> mapping(MappingNode mapping, String path, Map<String, Integer> lines) {
		var fields = new LinkedHashMap<String, Object>();
		for (var tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				throw refused(tuple.getKeyNode().getStartMark(), path, "a key must be a name");
			}
			String field = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
			if (fields.containsKey(key.getValue())) {
				throw refused(key.getStartMark(), field, "appears twice");
			}
			fields.put(key.getValue(), value(tuple.getValueNode(), field, lines));
		}
		return fields;
	}

	private static Scalar scalar(ScalarNode scalar) {
		Tag tag = scalar.getTag();
		if (tag.equals(Tag.NULL)) {
			return Scalar.NULL;
		}
		var kind = tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) ? Scalar.Kind.NUMBER
				: tag.equals(Tag.BOOL) ? Scalar.Kind.BOOLEAN : Scalar.Kind.STRING;
		return new Scalar(scalar.getValue(), kind);
	}

	private static PolicyRefused refused(@Nullable Mark mark, String field, String problem) {
		var refusal = PolicyRefused.invalid(field, problem);
		return mark == null ? refusal : refusal.at("line " + line(mark) + ", column " + (mark.getColumn() + 1));
	}

	private static int line(Mark mark) {
		return mark.getLine() + 1;
	}

}
