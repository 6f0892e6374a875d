package io.soc2ops.alerting;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.Instant;
import java.util.List;

import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

import io.soc2ops.evidence.Actor;

/** The Block Kit message "send test message" posts to a route. */
final class TestMessage {

	private TestMessage() {
	}

	static String payload(String routeName, Actor by, Instant at) {
		String text = "Test message from soc2ops for route " + routeName;
		var payload = Payload.builder()
			.text(text)
			.blocks(List.of(section(s -> s.text(markdownText(":white_check_mark: *" + text + "*"))),
					context(c -> c.elements(List.of(markdownText("Sent by " + by + " at " + at
							+ ". Alerts raised by rules that name this route will arrive here."))))))
			.build();
		return GsonFactory.createSnakeCase().toJson(payload);
	}

}
