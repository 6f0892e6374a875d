package io.soc2ops.vulnerabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.soc2ops.alerting.SlackReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vulnerability notifications a local Slack receiver took, read back from the Block
 * Kit it was sent: kind, count and ID from the message's metadata, the vulnerabilities it
 * lists from their buttons.
 */
record Notified(String path, JsonNode message) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LISTED = Pattern.compile("/vulnerabilities/([0-9]+)$");

	/**
	 * The notifications the receiver took (2xx) after its first {@code skip} requests.
	 */
	static List<Notified> taken(SlackReceiver slack, int skip) {
		var taken = new ArrayList<Notified>();
		var requests = slack.requests();
		for (var request : requests.subList(Math.min(skip, requests.size()), requests.size())) {
			var message = JSON.readTree(request.body());
			if (request.status() / 100 == 2
					&& NoticeMessages.EVENT_TYPE.equals(message.path("metadata").path("event_type").asString(""))) {
				taken.add(new Notified(request.path(), message));
			}
		}
		return taken;
	}

	static List<Notified> of(List<Notified> all, NoticeKind kind) {
		return all.stream().filter(notified -> notified.kind() == kind).toList();
	}

	NoticeKind kind() {
		return NoticeKind.valueOf(metadata().path("kind").asString());
	}

	long count() {
		return metadata().path("count").asLong();
	}

	String id() {
		return metadata().path("notification_id").asString();
	}

	/** The IDs of the vulnerabilities it lists, in order. */
	List<Long> listed() {
		var ids = new ArrayList<Long>();
		for (JsonNode block : message.path("blocks")) {
			var matcher = LISTED.matcher(block.path("accessory").path("url").asString(""));
			if (matcher.find()) {
				ids.add(Long.parseLong(matcher.group(1)));
			}
		}
		return ids;
	}

	List<JsonNode> blocks() {
		var blocks = new ArrayList<JsonNode>();
		message.path("blocks").forEach(blocks::add);
		return blocks;
	}

	/** Every text of the message, one after the other. */
	String text() {
		var text = new StringBuilder(message.path("text").asString(""));
		for (JsonNode block : message.path("blocks")) {
			text.append('\n').append(block.path("text").path("text").asString(""));
			block.path("fields").forEach(field -> text.append('\n').append(field.path("text").asString("")));
			block.path("elements").forEach(element -> text.append('\n').append(element.path("text").asString("")));
		}
		return text.toString();
	}

	private JsonNode metadata() {
		return message.path("metadata").path("event_payload");
	}

}
