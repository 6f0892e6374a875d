package io.soc2ops.aws;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an SDK model object back as the JSON AWS sent: each member under its wire name
 * ({@link SdkField#locationName()}), timestamps as ISO 8601 strings, members AWS did not
 * send left out. So a finding from {@code GetFindings} (or an OCSF document from
 * {@code GetFindingsV2}) goes through the same intake as one from a file or an event.
 */
final class AsffJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JSON.getNodeFactory();

	private AsffJson() {
	}

	static ObjectNode of(SdkPojo pojo) {
		var node = NODES.objectNode();
		for (SdkField<?> field : pojo.sdkFields()) {
			Object value = field.getValueOrDefault(pojo);
			if (value == null || value instanceof SdkAutoConstructList<?>
					|| value instanceof SdkAutoConstructMap<?, ?>) {
				continue;
			}
			node.set(field.locationName(), value(value));
		}
		return node;
	}

	/** {@code {"Findings":[...]}}, the shape {@code GetFindings} answers with. */
	static String page(List<? extends SdkPojo> findings) {
		var page = NODES.objectNode();
		var array = page.putArray("Findings");
		findings.forEach(finding -> array.add(of(finding)));
		return JSON.writeValueAsString(page);
	}

	/**
	 * {@code {"Findings":[...]}}, the shape {@code GetFindingsV2} answers with: its OCSF
	 * findings are JSON documents, written as they are.
	 */
	static String ocsfPage(List<Document> findings) {
		var page = NODES.objectNode();
		var array = page.putArray("Findings");
		findings.forEach(finding -> array.add(document(finding)));
		return JSON.writeValueAsString(page);
	}

	private static JsonNode value(Object value) {
		return switch (value) {
			case SdkPojo pojo -> of(pojo);
			case String text -> NODES.stringNode(text);
			case Boolean bool -> NODES.booleanNode(bool);
			case Integer number -> NODES.numberNode(number);
			case Long number -> NODES.numberNode(number);
			case Short number -> NODES.numberNode(number);
			case Float number -> NODES.numberNode(number);
			case Double number -> NODES.numberNode(number);
			case BigDecimal number -> NODES.numberNode(number);
			case Instant instant -> NODES.stringNode(DateTimeFormatter.ISO_INSTANT.format(instant));
			case SdkBytes bytes -> NODES.stringNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
			case Document document -> document(document);
			case List<?> list -> array(list);
			case Map<?, ?> map -> object(map);
			default -> NODES.stringNode(value.toString());
		};
	}

	private static ArrayNode array(List<?> list) {
		var array = NODES.arrayNode();
		for (Object element : list) {
			array.add(element == null ? NODES.nullNode() : value(element));
		}
		return array;
	}

	private static ObjectNode object(Map<?, ?> map) {
		var object = NODES.objectNode();
		map.forEach(
				(key, element) -> object.set(String.valueOf(key), element == null ? NODES.nullNode() : value(element)));
		return object;
	}

	private static JsonNode document(Document document) {
		if (document.isNull()) {
			return NODES.nullNode();
		}
		if (document.isMap()) {
			var object = NODES.objectNode();
			document.asMap().forEach((key, element) -> object.set(key, document(element)));
			return object;
		}
		if (document.isList()) {
			var array = NODES.arrayNode();
			document.asList().forEach(element -> array.add(document(element)));
			return array;
		}
		if (document.isBoolean()) {
			return NODES.booleanNode(document.asBoolean());
		}
		if (document.isNumber()) {
			return NODES.numberNode(document.asNumber().bigDecimalValue());
		}
		return NODES.stringNode(document.asString());
	}

}
