package io.soc2ops.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message as Slack would show it: its Block Kit blocks reduced to what a page can draw
 * (text only; links only to http(s) addresses).
 *
 * @param text the message's fallback text (notifications, screen readers)
 */
public record SlackMessage(long id, Instant receivedAt, String text, List<Block> blocks) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** {@code <https://example.com|label>} in mrkdwn: shown as its label. */
	private static final Pattern LINK = Pattern.compile("<(https?://[^|>]*)\\|([^>]*)>");

	public SlackMessage {
		blocks = List.copyOf(blocks);
	}

	/** A block of the kinds soc2ops sends; anything else is shown as its type. */
	public sealed interface Block {

		String kind();

	}

	public record Header(String text) implements Block {

		public String kind() {
			return "header";
		}

	}

	/**
	 * @param buttons its accessory, when that is a link button
	 */
	public record Section(String text, List<String> fields, List<Button> buttons) implements Block {

		public Section {
			fields = List.copyOf(fields);
			buttons = List.copyOf(buttons);
		}

		public String kind() {
			return "section";
		}

	}

	public record Context(List<String> texts) implements Block {

		public String kind() {
			return "context";
		}

	}

	public record Buttons(List<Button> buttons) implements Block {

		public String kind() {
			return "actions";
		}

	}

	public record Button(String label, String url, boolean primary) {
	}

	public record Other(String type) implements Block {

		public String kind() {
			return "other";
		}

	}

	static SlackMessage of(long id, Instant receivedAt, String payload) {
		JsonNode message;
		try {
			message = JSON.readTree(payload);
		}
		catch (JacksonException ex) {
			return new SlackMessage(id, receivedAt, payload, List.of());
		}
		var blocks = new ArrayList<Block>();
		for (JsonNode block : message.path("blocks")) {
			blocks.add(block(block));
		}
		return new SlackMessage(id, receivedAt, plain(message.path("text").asString("")), blocks);
	}

	private static Block block(JsonNode block) {
		return switch (block.path("type").asString("")) {
			case "header" -> new Header(plain(block.path("text").path("text").asString("")));
			case "section" -> new Section(plain(block.path("text").path("text").asString("")),
					texts(block.path("fields")), buttons(List.of(block.path("accessory"))));
			case "context" -> new Context(texts(block.path("elements")));
			case "actions" -> new Buttons(buttons(block.path("elements")));
			default -> new Other(block.path("type").asString("?"));
		};
	}

	private static List<String> texts(JsonNode elements) {
		var texts = new ArrayList<String>();
		elements.forEach(element -> texts.add(plain(element.path("text").asString(""))));
		return texts;
	}

	private static List<Button> buttons(Iterable<JsonNode> elements) {
		var buttons = new ArrayList<Button>();
		for (JsonNode element : elements) {
			String url = element.path("url").asString("");
			if (element.path("type").asString("").equals("button") && url.matches("https?://.*")) {
				buttons.add(new Button(plain(element.path("text").path("text").asString("")), url,
						"primary".equals(element.path("style").asString(""))));
			}
		}
		return buttons;
	}

	/** mrkdwn as plain text: links as their label, Slack's escapes undone. */
	static String plain(String mrkdwn) {
		return LINK.matcher(mrkdwn)
			.replaceAll(match -> java.util.regex.Matcher.quoteReplacement(match.group(2)))
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
