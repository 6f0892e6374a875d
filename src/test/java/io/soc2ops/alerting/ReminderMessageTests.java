package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.soc2ops.alerting.CaseReminder.Step;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;
import tools.jackson.databind.JsonNode;

/**
 * The Slack message reminding of a case's target: a headline per step with the time left,
 * the alert and its case as fields, a button to the alert, and values from findings
 * escaped so they cannot mention, link or format.
 */
class ReminderMessageTests {

	static final Instant RAISED = Instant.parse("2026-11-20T03:15:00Z");

	static final Instant ACK_DUE = RAISED.plus(Duration.ofHours(1));

	static final Instant RESOLVE_DUE = RAISED.plus(Duration.ofHours(24));

	final ReminderMessage messages = new ReminderMessage(new PublicSite(URI
		.create("https://soc2ops.example.com/")), new SlackMessage(
				new PublicSite(URI.create("https://soc2ops.example.com/")),
				new StaticListableBeanFactory(Map.of("names",
						(AccountNames) id -> "111122223333".equals(id) ? Optional.of("production") : Optional.empty()))
					.getBeanProvider(AccountNames.class)));

	@Test
	void eachStepSaysWhatIsDueAndHowLongIsLeftOrOverdue() {
		var alert = SlackMessageTests.alert("a-1");
		var fresh = alertCase(CaseState.NEW, null);
		var acknowledged = alertCase(CaseState.ACKNOWLEDGED, "alice");

		var beforeAck = json(alert, fresh, new CaseReminder(Step.BEFORE_ACK_BREACH, ACK_DUE),
				ACK_DUE.minusSeconds(840));
		var ackBreached = json(alert, fresh, new CaseReminder(Step.ACK_BREACHED, ACK_DUE), ACK_DUE.plusSeconds(60));
		var beforeResolve = json(alert, acknowledged, new CaseReminder(Step.BEFORE_RESOLVE_BREACH, RESOLVE_DUE),
				RESOLVE_DUE.minus(Duration.ofHours(5).plusMinutes(59)));
		var resolveBreached = json(alert, acknowledged, new CaseReminder(Step.RESOLVE_BREACHED, RESOLVE_DUE),
				RESOLVE_DUE.plus(Duration.ofDays(1).plusHours(2)));

		assertThat(List.of(beforeAck, ackBreached, beforeResolve, resolveBreached))
			.extracting(message -> message.path("blocks").get(0).path("text").path("text").asString())
			.containsExactly("⏰ Not acknowledged — 14m left", "🚨 Time to acknowledge breached",
					"⏰ Not resolved — 5h 59m left", "🚨 Time to resolve breached");
		assertThat(fields(beforeAck)).containsExactly("*Account*\nproduction (111122223333)",
				"*Region*\nap-northeast-1",
				"*Resource*\nAwsEc2Instance\n`arn:aws:ec2:ap-northeast-1:111122223333:instance/i-0abc`",
				"*Case*\nNEW · unassigned", "*Acknowledge by*\n2026-11-20 04:15 UTC", "*Time left*\n14m");
		assertThat(fields(ackBreached)).endsWith("*Acknowledge by*\n2026-11-20 04:15 UTC", "*Overdue by*\n1m");
		assertThat(fields(beforeResolve)).contains("*Case*\nACKNOWLEDGED · assigned to alice",
				"*Resolve by*\n2026-11-21 03:15 UTC", "*Time left*\n5h 59m");
		assertThat(fields(resolveBreached)).endsWith("*Overdue by*\n1d 2h");
	}

	@Test
	void theAlertIsNamedAndLinkedWithItsStepInTheMetadata() {
		var message = json(SlackMessageTests.alert("a-1"), alertCase(CaseState.NEW, null),
				new CaseReminder(Step.ACK_BREACHED, ACK_DUE), ACK_DUE.plusSeconds(90));

		var blocks = message.path("blocks");
		assertThat(blocks).extracting(block -> block.path("type").asString())
			.containsExactly("header", "section", "actions", "context");
		assertThat(blocks.get(1).path("text").path("text").asString())
			.isEqualTo("*HIGH* · 198.51.100.7 is performing SSH brute force attacks against i-0abc.");
		var button = blocks.get(2).path("elements").get(0);
		assertThat(button.path("text").path("text").asString()).isEqualTo("Open in soc2ops");
		assertThat(button.path("url").asString()).isEqualTo("https://soc2ops.example.com/alerts/a-1");
		assertThat(blocks.get(3).path("elements").get(0).path("text").asString())
			.isEqualTo("Rule `guardduty-new-active` · soc2ops alert a-1");
		assertThat(message.path("text").asString())
			.isEqualTo("🚨 Time to acknowledge breached: HIGH: 198.51.100.7 is performing SSH brute force attacks "
					+ "against i-0abc. (production (111122223333), ap-northeast-1)");
		var metadata = message.path("metadata");
		assertThat(metadata.path("event_type").asString()).isEqualTo("soc2ops_case_reminder");
		assertThat(metadata.path("event_payload").path("alert_id").asString()).isEqualTo("a-1");
		assertThat(metadata.path("event_payload").path("step").asString()).isEqualTo("ACK_BREACHED");
		assertThat(metadata.path("event_payload").path("due_at").asString()).isEqualTo("2026-11-20T04:15:00Z");
	}

	@Test
	void hostileValuesCannotMentionLinkOrLeaveTheirCodeSpan() {
		var hostile = new Alert("a-1", "rule`x", Severity.CRITICAL, "GuardDuty", "key", "id", "",
				"<!here> & <https://evil.example|click> `code`", "type", "<!channel>", "ap-northeast-1\n<@U123>",
				"Type<@U123>", "id`\u0000\n<!everyone>", null, null, RAISED, IntakeChannel.WEBHOOK, "event");

		var message = json(hostile, alertCase(CaseState.NEW, null), new CaseReminder(Step.ACK_BREACHED, ACK_DUE),
				ACK_DUE.plusSeconds(60));

		var mrkdwn = new ArrayList<String>();
		collectMrkdwn(message, mrkdwn);
		assertThat(mrkdwn).hasSizeGreaterThan(5)
			.allSatisfy(text -> assertThat(text).doesNotContain("<!", "<@", "<https"));
		assertThat(message.path("blocks").get(1).path("text").path("text").asString())
			.isEqualTo("*CRITICAL* · &lt;!here&gt; &amp; &lt;https://evil.example|click&gt; ˋcodeˋ");
		assertThat(String.join("\n", mrkdwn)).contains("`idˋ  &lt;!everyone&gt;`").contains("Rule `ruleˋx`");
		assertThat(message.path("text").asString()).doesNotContain("<!", "<https");
	}

	@Test
	void aLongTitleIsCutToSlacksLimits() {
		var alert = SlackMessageTests.alert("a-1");
		String huge = "x&<".repeat(3000);
		var longOne = new Alert(alert.id(), alert.ruleName(), alert.severity(), alert.productName(), alert.findingKey(),
				alert.findingId(), alert.productArn(), huge, alert.findingType(), alert.accountId(), alert.region(),
				alert.resourceType(), huge, null, null, RAISED, IntakeChannel.WEBHOOK, "event");

		var message = json(longOne, alertCase(CaseState.NEW, null), new CaseReminder(Step.ACK_BREACHED, ACK_DUE),
				ACK_DUE.plusSeconds(60));

		assertThat(message.path("blocks").get(1).path("text").path("text").asString())
			.hasSizeLessThanOrEqualTo(SlackMessage.SECTION);
		assertThat(fields(message)).allSatisfy(field -> assertThat(field).hasSizeLessThanOrEqualTo(SlackMessage.FIELD));
		assertThat(message.path("text").asString()).hasSizeLessThanOrEqualTo(SlackMessage.FALLBACK).endsWith("…");
	}

	private JsonNode json(Alert alert, AlertCase alertCase, CaseReminder reminder, Instant now) {
		return RouteReceiver.JSON.readTree(messages.json(alert, alertCase, reminder, now));
	}

	private static AlertCase alertCase(CaseState state, @Nullable String assignee) {
		return new AlertCase("a-1", state, assignee, RAISED, ACK_DUE, RESOLVE_DUE,
				state == CaseState.NEW ? null : RAISED.plusSeconds(600), null, 2);
	}

	private static List<String> fields(JsonNode message) {
		var texts = new ArrayList<String>();
		message.path("blocks").get(1).path("fields").forEach(field -> texts.add(field.path("text").asString()));
		return texts;
	}

	private static void collectMrkdwn(JsonNode node, List<String> texts) {
		if (node.isObject() && "mrkdwn".equals(node.path("type").asString(""))) {
			texts.add(node.path("text").asString());
		}
		node.forEach(child -> collectMrkdwn(child, texts));
	}

}
