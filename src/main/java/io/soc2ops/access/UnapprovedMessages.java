package io.soc2ops.access;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.stereotype.Component;

import com.google.gson.Gson;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

import io.soc2ops.alerting.RouteMessages;
import io.soc2ops.alerting.SlackText;

/**
 * The Slack message (Block Kit, built with the Slack SDK) announcing the unapproved
 * access one reconciliation found: how many, the first few (person, principal, account
 * with its name, permission set or IAM user, group, first seen), the rest counted, and a
 * button to the open exceptions in soc2ops. Every value from outside is escaped and cut
 * to Slack's limits; the run and count are in the message's {@code metadata}.
 */
@Component
class UnapprovedMessages {

	static final String EVENT_TYPE = "soc2ops_unapproved_access";

	static final String EXCEPTIONS_PATH = "/access/exceptions";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Gson GSON = GsonFactory.createSnakeCase();

	private final RouteMessages site;

	UnapprovedMessages(RouteMessages site) {
		this.site = site;
	}

	String announcement(String id, long run, int count, List<UnapprovedAccess> listed) {
		String headline = "🚫 " + count + (count == 1 ? " access without approval" : " accesses without approval");
		String summary = "Reconciliation run " + run + " found *" + count + "* " + (count == 1 ? "holding" : "holdings")
				+ " in AWS that no approved, unexpired access request covers. Approve a request for each, or remove it.";
		var blocks = new ArrayList<LayoutBlock>();
		blocks.add(header(h -> h.text(plainText(SlackText.plain(headline, SlackText.HEADER)))));
		blocks.add(section(s -> s.text(markdownText(SlackText.fit(summary, SlackText.SECTION)))));
		for (var exception : listed) {
			blocks.add(section(s -> s.text(markdownText(SlackText.fit(line(exception), SlackText.SECTION)))));
		}
		if (count > listed.size()) {
			blocks.add(context(List.of(markdownText("… and " + (count - listed.size()) + " more"))));
		}
		blocks.add(actions(List.of(ButtonElement.builder()
			.actionId("exceptions")
			.text(plainText(SlackText.plain("Unapproved access in soc2ops", SlackText.BUTTON)))
			.url(site.link(EXCEPTIONS_PATH))
			.style("danger")
			.build())));
		blocks.add(context(List.of(markdownText("soc2ops unapproved-access announcement " + id))));
		var metadata = new LinkedHashMap<String, Object>();
		metadata.put("announcement_id", id);
		metadata.put("run", run);
		metadata.put("count", count);
		return GSON.toJson(Payload.builder()
			.text(SlackText.mrkdwn(headline, 1500))
			.blocks(blocks)
			.metadata(Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(metadata).build())
			.build());
	}

	/** Person and principal; entitlement and group; account; first seen. */
	private String line(UnapprovedAccess exception) {
		var holding = exception.holding();
		String what = holding.kind() == HoldingKind.IAM_USER ? "IAM user with console or key access"
				: "permission set " + SlackText.code(holding.entitlement(), 256);
		return "*" + SlackText.mrkdwn(holding.person().value(), 320) + "*"
				+ (holding.principal().equalsIgnoreCase(holding.person().value()) ? ""
						: " (" + SlackText.code(holding.principal(), 256) + ")")
				+ "\n" + what + (holding.via().isEmpty() ? "" : " via group " + SlackText.mrkdwn(holding.via(), 256))
				+ " in " + SlackText.mrkdwn(site.account(holding.accountId()), 400) + "\nFirst seen "
				+ DAY.format(holding.firstSeen()) + " · exception " + exception.id();
	}

}
