package io.soc2ops.access;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.google.gson.Gson;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

import io.soc2ops.alerting.RouteMessages;
import io.soc2ops.alerting.SlackText;

/**
 * The Slack messages (Block Kit, built with the Slack SDK) that ask approvers to decide:
 * who asks what for whom, where, why and until when, how many approvals it needs, and a
 * button to the request's page in soc2ops. Every value from outside is escaped and cut
 * ({@link SlackText}); the request's ID and the message's kind are in its
 * {@code metadata}.
 */
@Component
class AccessRequestMessages {

	static final String EVENT_TYPE = "soc2ops_access_request";

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Gson GSON = GsonFactory.createSnakeCase();

	private final RouteMessages site;

	AccessRequestMessages(RouteMessages site) {
		this.site = site;
	}

	String message(AccessRequest request, AccessRequestNotices.Kind kind, Instant now) {
		String what = SlackText.plain(request.entitlement(), 80);
		String headline = kind == AccessRequestNotices.Kind.REMINDER
				? "⏰ Access request " + request.id() + " still waits for a decision"
				: "🔑 Access request " + request.id() + ": " + what;
		var blocks = new ArrayList<LayoutBlock>();
		blocks.add(header(h -> h.text(plainText(SlackText.plain(headline, SlackText.HEADER)))));
		String summary = "*" + SlackText.mrkdwn(requester(request), 120) + "* asks for "
				+ (request.kind() == AccessRequestKind.PERMISSION_SET ? "permission set " : "IAM policy ")
				+ SlackText.code(request.entitlement(), 300) + " for *"
				+ SlackText.mrkdwn(request.person().value(), 320) + "*" + (kind == AccessRequestNotices.Kind.REMINDER
						? ", waiting " + span(Duration.between(request.requestedAt(), now)) : "")
				+ ".";
		blocks
			.add(section(s -> s.text(markdownText(SlackText.fit(summary, SlackText.SECTION))).fields(fields(request))));
		blocks.add(section(s -> s.text(markdownText(
				SlackText.fit("*Reason*\n" + SlackText.mrkdwn(request.reason(), 2500), SlackText.SECTION)))));
		blocks.add(actions(List.of(ButtonElement.builder()
			.actionId("decide")
			.text(plainText(SlackText.plain("Review and decide in soc2ops", SlackText.BUTTON)))
			.url(site.link("/access/requests/" + request.id()))
			.style("primary")
			.build())));
		blocks.add(context(List.of(markdownText("soc2ops access request " + request.id()))));
		var metadata = new LinkedHashMap<String, Object>();
		metadata.put("request_id", request.id());
		metadata.put("kind", kind.name());
		return GSON.toJson(Payload.builder()
			.text(SlackText.mrkdwn(headline + " for " + request.person().value(), 1500))
			.blocks(blocks)
			.metadata(Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(metadata).build())
			.build());
	}

	private List<TextObject> fields(AccessRequest request) {
		var fields = new ArrayList<TextObject>();
		String accounts = request.accountIds().stream().limit(10).map(site::account).collect(Collectors.joining(", "))
				+ (request.accountIds().size() > 10 ? " and " + (request.accountIds().size() - 10) + " more" : "");
		fields.add(field("Accounts", SlackText.mrkdwn(accounts, 1500)));
		fields.add(field("Until", request.until().map(TIME::format).orElse("until revoked")));
		fields.add(field("Approvals", request.approved() + " of " + request.approvalsNeeded()
				+ (request.privileged() ? " (privileged: two approvers)" : "")));
		request.ticket()
			.ifPresent(ticket -> fields.add(field("Ticket",
					"<" + SlackText.mrkdwn(ticket.url(), 600) + "|" + SlackText.mrkdwn(ticket.label(), 200) + ">")));
		return fields;
	}

	private static String requester(AccessRequest request) {
		String by = request.requestedBy();
		return by.startsWith("user:") ? by.substring(5) : by;
	}

	private static TextObject field(String label, String value) {
		return markdownText(SlackText.fit("*" + label + "*\n" + value, SlackText.FIELD));
	}

	static String span(Duration duration) {
		long hours = Math.max(0, duration.toHours());
		return hours >= 48 ? hours / 24 + " days" : hours + " h";
	}

}
