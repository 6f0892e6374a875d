package io.soc2ops.alerting;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static io.soc2ops.alerting.SlackMessage.field;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.google.gson.Gson;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

/**
 * The Slack message (Block Kit) reminding of a case's target: what is due or overdue in
 * the header ("⏰ Not acknowledged — 14m left", "🚨 Time to resolve breached"), the
 * alert's severity and title, account, Region and resource, the case's state and
 * assignee, the due time (UTC) and the time left or overdue, and a button to the alert in
 * soc2ops. In English, as alert messages are; escaped and cut to Slack's limits by the
 * helpers of {@link SlackMessage} and {@link SlackText}. The alert and step are in its
 * {@code metadata}.
 */
@Component
class ReminderMessage {

	static final String EVENT_TYPE = "soc2ops_case_reminder";

	private static final Gson GSON = GsonFactory.createSnakeCase();

	private final PublicSite site;

	private final SlackMessage messages;

	ReminderMessage(PublicSite site, SlackMessage messages) {
		this.site = site;
		this.messages = messages;
	}

	/** The message as Slack's incoming webhook takes it (JSON), as of {@code now}. */
	String json(Alert alert, AlertCase alertCase, CaseReminder reminder, Instant now) {
		return GSON.toJson(payload(alert, alertCase, reminder, now));
	}

	Payload payload(Alert alert, AlertCase alertCase, CaseReminder reminder, Instant now) {
		String headline = headline(reminder, now);
		List<LayoutBlock> blocks = List.of(
				header(h -> h.text(plainText(SlackText.plain(headline, SlackMessage.HEADER)))), section(
						s -> s
							.text(markdownText(SlackText.fit(
									"*" + alert.severity() + "* · "
											+ SlackText.mrkdwn(alert.title(), SlackMessage.FIELD),
									SlackMessage.SECTION)))
							.fields(List.of(
									field("Account", SlackText.mrkdwn(messages.account(alert.accountId()), 300)),
									field("Region", SlackText.mrkdwn(alert.region(), 100)),
									field("Resource",
											SlackText.mrkdwn(alert.resourceType(), 300) + "\n"
													+ SlackMessage.code(alert.resourceId())),
									field("Case", SlackText.mrkdwn(state(alertCase), 300)),
									field(reminder.step().aboutAcknowledging() ? "Acknowledge by" : "Resolve by",
											SlackMessage.TIME.format(reminder.dueAt())),
									field(reminder.step().atBreach() ? "Overdue by" : "Time left",
											Deadline.text(Duration.between(now, reminder.dueAt()).abs()))))),
				actions(List
					.of(SlackMessage.button("open", "Open in soc2ops", site.link("/alerts/" + alert.id()), "primary"))),
				context(List.of(markdownText(
						SlackText.fit("Rule " + SlackMessage.code(alert.ruleName()) + " · soc2ops alert " + alert.id(),
								SlackMessage.SECTION)))));
		return Payload.builder()
			.text(SlackText.mrkdwn(headline + ": " + alert.severity() + ": " + alert.title() + " ("
					+ messages.account(alert.accountId()) + ", " + alert.region() + ")", SlackMessage.FALLBACK))
			.blocks(blocks)
			.metadata(Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(metadata(alert, reminder)).build())
			.build();
	}

	static String headline(CaseReminder reminder, Instant now) {
		String left = Deadline.text(Duration.between(now, reminder.dueAt()).abs());
		return switch (reminder.step()) {
			case BEFORE_ACK_BREACH -> "⏰ Not acknowledged — " + left + " left";
			case ACK_BREACHED -> "🚨 Time to acknowledge breached";
			case BEFORE_RESOLVE_BREACH -> "⏰ Not resolved — " + left + " left";
			case RESOLVE_BREACHED -> "🚨 Time to resolve breached";
		};
	}

	private static String state(AlertCase alertCase) {
		return alertCase.state() + " · "
				+ (alertCase.assignee() == null ? "unassigned" : "assigned to " + alertCase.assignee());
	}

	private static Map<String, Object> metadata(Alert alert, CaseReminder reminder) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("alert_id", alert.id());
		payload.put("step", reminder.step().name());
		payload.put("due_at", reminder.dueAt().toString());
		return payload;
	}

}
