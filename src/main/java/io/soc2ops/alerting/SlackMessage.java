package io.soc2ops.alerting;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.google.gson.Gson;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

/**
 * The Slack message (Block Kit) for a {@link Notice}: severity and title in the header;
 * finding type, account with its name, region, resource, first and last seen as fields;
 * buttons to the alert in soc2ops and to the finding in the AWS console; rule and product
 * in the context. A storm of similar alerts is one message with their count and the first
 * few listed. The delivery IDs it completes are in its {@code metadata}
 * ({@code event_payload.delivery_ids}, comma-separated). Every text respects Slack's
 * limits and is escaped ({@link SlackText}).
 */
@Component
class SlackMessage {

	static final String EVENT_TYPE = "soc2ops_alert_delivery";

	/** Alerts of a storm listed one by one; the rest are counted. */
	static final int LISTED = 5;

	static final int HEADER = SlackText.HEADER;

	static final int SECTION = SlackText.SECTION;

	static final int FIELD = SlackText.FIELD;

	static final int BUTTON = SlackText.BUTTON;

	static final int URL = SlackText.URL;

	/** The text notifications show; Slack takes much more, but nobody reads it. */
	static final int FALLBACK = 1500;

	private static final Gson GSON = GsonFactory.createSnakeCase();

	/** How messages show a moment. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final PublicSite site;

	private final ObjectProvider<AccountNames> accountNames;

	SlackMessage(PublicSite site, ObjectProvider<AccountNames> accountNames) {
		this.site = site;
		this.accountNames = accountNames;
	}

	/** The message as Slack's incoming webhook takes it (JSON). */
	String json(Notice notice) {
		return GSON.toJson(payload(notice));
	}

	Payload payload(Notice notice) {
		var blocks = notice.grouped() ? storm(notice) : single(notice);
		return Payload.builder()
			.text(fallback(notice))
			.blocks(blocks)
			.metadata(Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(metadata(notice)).build())
			.build();
	}

	private List<LayoutBlock> single(Notice notice) {
		var alert = notice.first();
		var blocks = new ArrayList<LayoutBlock>();
		blocks.add(header(h -> h.blockId("soc2ops-" + notice.deliveryIds().getFirst())
			.text(plainText(SlackText.plain(alert.severity() + ": " + alert.title(), HEADER)))));
		var fields = new ArrayList<TextObject>();
		fields.add(field("Finding type", code(alert.findingType())));
		fields.add(field("Account", SlackText.mrkdwn(account(alert.accountId()), FIELD)));
		fields.add(field("Region", SlackText.mrkdwn(alert.region(), FIELD)));
		fields.add(field("Resource", SlackText.mrkdwn(alert.resourceType(), 300) + "\n" + code(alert.resourceId())));
		fields.add(field("First seen", seen(alert.firstObservedAt())));
		fields.add(field("Last seen", seen(alert.lastObservedAt())));
		blocks.add(section(s -> s.fields(fields)));
		var buttons = new ArrayList<BlockElement>();
		buttons.add(button("acknowledge", "Acknowledge in soc2ops", site.link("/alerts/" + alert.id()), "primary"));
		buttons.add(button("view", "View in soc2ops", site.link("/alerts/" + alert.id()), null));
		ConsoleLinks.securityHub(alert)
			.filter(url -> url.length() <= URL)
			.ifPresent(url -> buttons.add(button("security-hub", "Finding in Security Hub", url, null)));
		ConsoleLinks.guardDuty(alert)
			.filter(url -> url.length() <= URL)
			.ifPresent(url -> buttons.add(button("guardduty", "Finding in GuardDuty", url, null)));
		blocks.add(actions(buttons));
		blocks.add(footer(alert, "alert " + alert.id()));
		return blocks;
	}

	private List<LayoutBlock> storm(Notice notice) {
		var first = notice.first();
		int count = notice.alerts().size();
		String what = first.findingType().isBlank() ? first.title() : first.findingType();
		var blocks = new ArrayList<LayoutBlock>();
		blocks.add(header(h -> h.blockId("soc2ops-" + notice.groupId().orElseThrow())
			.text(plainText(SlackText.plain(first.severity() + ": " + count + " similar findings: " + what, HEADER)))));
		var fields = new ArrayList<TextObject>();
		fields.add(field("Finding type", code(first.findingType())));
		fields.add(field("Count", String.valueOf(count)));
		fields.add(field("Accounts", SlackText.mrkdwn(
				few(notice.alerts().stream().map(Alert::accountId).distinct().map(this::account).toList()), FIELD)));
		fields
			.add(field("Regions", SlackText.mrkdwn(few(notice.alerts().stream().map(Alert::region).toList()), FIELD)));
		fields.add(field("First seen", seen(earliest(notice))));
		fields.add(field("Last seen", seen(latest(notice))));
		blocks.add(section(s -> s
			.text(markdownText(SlackText.fit("*" + count + " similar findings* raised by rule " + code(first.ruleName())
					+ " (" + first.severity() + "), listed in soc2ops.", SECTION)))
			.fields(fields)));
		for (var alert : notice.alerts().subList(0, Math.min(LISTED, count))) {
			blocks.add(section(s -> s.blockId("alert-" + alert.id())
				.text(markdownText(listed(alert)))
				.accessory(button("view-" + alert.id(), "View", site.link("/alerts/" + alert.id()), null))));
		}
		if (count > LISTED) {
			blocks.add(context(List.of(markdownText("… and " + (count - LISTED) + " more like these"))));
		}
		blocks.add(actions(List.of(button("view-all", "View alerts in soc2ops", site.link("/alerts"), "primary"))));
		blocks.add(footer(first, "group " + notice.groupId().orElseThrow()));
		return blocks;
	}

	private String listed(Alert alert) {
		return "*" + SlackText.mrkdwn(alert.title(), 300) + "*\n"
				+ SlackText.mrkdwn(account(alert.accountId()) + " · " + alert.region() + " · " + alert.resourceType(),
						400)
				+ " " + SlackText.code(alert.resourceId(), 500) + "\nLast seen " + seen(alert.lastObservedAt());
	}

	private LayoutBlock footer(Alert alert, String reference) {
		return context(List.of(markdownText(SlackText.fit("Rule " + code(alert.ruleName()) + " · "
				+ SlackText.mrkdwn(alert.productName(), 128) + " · soc2ops " + reference, SECTION))));
	}

	private String fallback(Notice notice) {
		var first = notice.first();
		String text = notice.grouped()
				? first.severity() + ": " + notice.alerts().size() + " similar findings ("
						+ (first.findingType().isBlank() ? first.title() : first.findingType()) + ", rule "
						+ first.ruleName() + ")"
				: first.severity() + ": " + first.title() + " (" + account(first.accountId()) + ", " + first.region()
						+ ")";
		return SlackText.mrkdwn(text, FALLBACK);
	}

	private Map<String, Object> metadata(Notice notice) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("delivery_ids", String.join(",", notice.deliveryIds()));
		payload.put("count", notice.alerts().size());
		notice.groupId().ifPresent(id -> payload.put("group_id", id));
		return payload;
	}

	/** "production (111122223333)" when the account has a name, else its ID. */
	String account(String accountId) {
		var names = accountNames.getIfAvailable();
		return names == null ? accountId
				: names.nameOf(accountId)
					.filter(name -> !name.isBlank())
					.map(name -> name + " (" + accountId + ")")
					.orElse(accountId);
	}

	/** A section field: the label in bold, the (already escaped) value below it. */
	static TextObject field(String label, String value) {
		return markdownText(SlackText.fit("*" + label + "*\n" + (value.isEmpty() ? "—" : value), FIELD));
	}

	/** A value from outside as code, or a dash when it is blank. */
	static String code(String value) {
		return value.isBlank() ? "—" : SlackText.code(value, 1000);
	}

	private static String seen(@Nullable Instant at) {
		return at == null ? "—" : TIME.format(at);
	}

	static ButtonElement button(String action, String text, String url, @Nullable String style) {
		return ButtonElement.builder()
			.actionId(SlackText.plain(action, 255))
			.text(plainText(SlackText.plain(text, BUTTON)))
			.url(url)
			.style(style)
			.build();
	}

	/** Up to three distinct values, then how many more. */
	private static String few(List<String> values) {
		var distinct = values.stream().distinct().toList();
		String shown = String.join(", ", distinct.subList(0, Math.min(3, distinct.size())));
		return distinct.size() > 3 ? shown + " and " + (distinct.size() - 3) + " more" : shown;
	}

	private static @Nullable Instant earliest(Notice notice) {
		return notice.alerts()
			.stream()
			.map(Alert::firstObservedAt)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
	}

	private static @Nullable Instant latest(Notice notice) {
		return notice.alerts()
			.stream()
			.map(Alert::lastObservedAt)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(null);
	}

}
