package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;
import tools.jackson.databind.JsonNode;

/**
 * The Slack message for one alert or a storm of them: Block Kit as Slack takes it, every
 * text within Slack's limits, values from findings escaped so they cannot format, link or
 * mention, the account's name beside its ID, and the delivery IDs in the metadata.
 */
class SlackMessageTests {

	static final String GUARDDUTY_ID = "arn:aws:guardduty:ap-northeast-1:111122223333:detector/d1/finding/f1a2b3";

	final SlackMessage messages = new SlackMessage(new PublicSite(URI.create("https://soc2ops.example.com/")),
			new StaticListableBeanFactory(Map.of("names",
					(AccountNames) id -> "111122223333".equals(id) ? Optional.of("production") : Optional.empty()))
				.getBeanProvider(AccountNames.class));

	@Test
	void oneAlertIsAHeaderFieldsButtonsAndItsRuleWithTheDeliveryIdInTheMetadata() {
		var message = json(new Notice(List.of(alert("a-1")), List.of("d-1"), Optional.empty()));

		var blocks = message.path("blocks");
		assertThat(blocks).extracting(block -> block.path("type").asString())
			.containsExactly("header", "section", "actions", "context");
		assertThat(blocks.get(0).path("text").path("text").asString())
			.isEqualTo("HIGH: 198.51.100.7 is performing SSH brute force attacks against i-0abc.");
		assertThat(fields(blocks.get(1))).containsExactly(
				"*Finding type*\n`TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce`",
				"*Account*\nproduction (111122223333)", "*Region*\nap-northeast-1",
				"*Resource*\nAwsEc2Instance\n`arn:aws:ec2:ap-northeast-1:111122223333:instance/i-0abc`",
				"*First seen*\n2026-11-20 03:10 UTC", "*Last seen*\n2026-11-20 03:14 UTC");
		assertThat(blocks.get(2).path("elements")).extracting(button -> button.path("text").path("text").asString())
			.containsExactly("Acknowledge in soc2ops", "View in soc2ops", "Finding in Security Hub",
					"Finding in GuardDuty");
		assertThat(blocks.get(2).path("elements").get(0).path("url").asString())
			.isEqualTo("https://soc2ops.example.com/alerts/a-1");
		assertThat(blocks.get(2).path("elements").get(3).path("url").asString())
			.isEqualTo("https://ap-northeast-1.console.aws.amazon.com/guardduty/home?region=ap-northeast-1"
					+ "#/findings?macros=current&fId=f1a2b3");
		assertThat(blocks.get(3).path("elements").get(0).path("text").asString())
			.isEqualTo("Rule `guardduty-new-active` · GuardDuty · soc2ops alert a-1");
		assertThat(message.path("text").asString())
			.isEqualTo("HIGH: 198.51.100.7 is performing SSH brute force attacks against i-0abc. (production "
					+ "(111122223333), ap-northeast-1)");
		assertThat(message.path("metadata").path("event_type").asString()).isEqualTo("soc2ops_alert_delivery");
		assertThat(message.path("metadata").path("event_payload").path("delivery_ids").asString()).isEqualTo("d-1");
	}

	@Test
	void anAccountWithoutANameAndWithoutAnyNamesIsShownByItsId() {
		var alert = withAccount(alert("a-1"), "444455556666");
		assertThat(fields(json(new Notice(List.of(alert), List.of("d-1"), Optional.empty())).path("blocks").get(1)))
			.contains("*Account*\n444455556666");

		var withoutNames = new SlackMessage(new PublicSite(URI.create("http://localhost:8080")),
				new StaticListableBeanFactory().getBeanProvider(AccountNames.class));
		assertThat(withoutNames.account("111122223333")).isEqualTo("111122223333");
		assertThat(messages.account("111122223333")).isEqualTo("production (111122223333)");
	}

	@Test
	void aStormIsOneMessageWithItsCountTheFirstFewListedAndEveryDeliveryId() {
		var alerts = IntStream.range(0, 14).mapToObj(i -> alert("a-" + i)).toList();
		var ids = IntStream.range(0, 14).mapToObj(i -> "d-" + i).toList();

		var message = json(new Notice(alerts, ids, Optional.of("g-1")));

		var blocks = message.path("blocks");
		assertThat(blocks.get(0).path("text").path("text").asString())
			.isEqualTo("HIGH: 14 similar findings: TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce");
		assertThat(blocks.get(1).path("text").path("text").asString())
			.startsWith("*14 similar findings* raised by rule");
		assertThat(fields(blocks.get(1))).contains("*Count*\n14", "*Accounts*\nproduction (111122223333)");
		var listed = new ArrayList<String>();
		blocks.forEach(block -> {
			if (block.path("block_id").asString("").startsWith("alert-")) {
				listed.add(block.path("block_id").asString());
			}
		});
		assertThat(listed).containsExactly("alert-a-0", "alert-a-1", "alert-a-2", "alert-a-3", "alert-a-4");
		assertThat(message.toString()).contains("… and 9 more like these");
		assertThat(message.path("text").asString()).startsWith("HIGH: 14 similar findings (");
		var metadata = message.path("metadata").path("event_payload");
		assertThat(metadata.path("delivery_ids").asString().split(",")).containsExactlyElementsOf(ids);
		assertThat(metadata.path("count").asInt()).isEqualTo(14);
		assertThat(metadata.path("group_id").asString()).isEqualTo("g-1");
	}

	@Test
	void aStormLooksUpEachAccountNameOnceNotOncePerAlert() {
		var lookups = new AtomicInteger();
		var counting = new SlackMessage(new PublicSite(URI.create("https://soc2ops.example.com/")),
				new StaticListableBeanFactory(Map.of("names", (AccountNames) id -> {
					lookups.incrementAndGet();
					return Optional.of("production");
				})).getBeanProvider(AccountNames.class));
		var alerts = IntStream.range(0, 100).mapToObj(i -> alert("a-" + i)).toList();
		var ids = IntStream.range(0, 100).mapToObj(i -> "d-" + i).toList();

		var message = counting.json(new Notice(alerts, ids, Optional.of("g-1")));

		assertThat(message).contains("*Accounts*\\nproduction (111122223333)");
		// the Accounts field once, and each listed alert
		assertThat(lookups).hasValue(1 + SlackMessage.LISTED);
	}

	@Test
	void hostileValuesCannotMentionLinkOrLeaveTheirCodeSpan() {
		var hostile = new Alert("a-1", "rule", Severity.CRITICAL, "Evil <!channel>", "key", "id", "",
				"<!here> & <https://evil.example|click>", "type`with`ticks", "111122223333", "ap-northeast-1",
				"Type<@U123>", "id`\u0000\n<!everyone>", null, null, Instant.parse("2026-11-20T03:15:00Z"),
				IntakeChannel.WEBHOOK, "event");

		var message = json(new Notice(List.of(hostile), List.of("d-1"), Optional.empty()));

		var mrkdwn = new ArrayList<String>();
		collectMrkdwn(message, mrkdwn);
		assertThat(mrkdwn).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("<!", "<@", "<https"));
		assertThat(String.join("\n", mrkdwn)).contains("`typeˋwithˋticks`")
			.contains("`idˋ  &lt;!everyone&gt;`")
			.contains("Evil &lt;!channel&gt;");
		// plain text is shown as it is: Slack does not parse it
		assertThat(message.path("blocks").get(0).path("text").path("text").asString())
			.isEqualTo("CRITICAL: <!here> & <https://evil.example|click>");
		assertThat(message.path("text").asString()).startsWith("CRITICAL: &lt;!here&gt; &amp; &lt;https");
	}

	@Test
	void longValuesAreCutToSlacksLimitsEvenInTheLargestStorm() {
		String huge = "x&<".repeat(3000) + "😀".repeat(2000);
		var alerts = new ArrayList<Alert>();
		var ids = new ArrayList<String>();
		for (int i = 0; i < DeliverySettings.MAX_GROUP; i++) {
			alerts.add(new Alert(UUID.randomUUID().toString(), "r".repeat(64), Severity.HIGH, huge, "k", huge, "", huge,
					huge.substring(0, 512), "111122223333", "ap-northeast-1", huge.substring(0, 256),
					huge.substring(0, 1024), Instant.parse("2026-11-20T03:10:00Z"),
					Instant.parse("2026-11-20T03:14:00Z"), Instant.parse("2026-11-20T03:15:00Z"), IntakeChannel.WEBHOOK,
					"event"));
			ids.add(UUID.randomUUID().toString());
		}

		for (var notice : List.of(new Notice(alerts.subList(0, 1), ids.subList(0, 1), Optional.empty()),
				new Notice(alerts, ids, Optional.of(UUID.randomUUID().toString())))) {
			String json = messages.json(notice);
			var message = RouteReceiver.JSON.readTree(json);
			assertThat(json.length()).as("payload").isLessThan(40_000);
			assertThat(message.path("text").asString().length()).isLessThanOrEqualTo(3000);
			var blocks = message.path("blocks");
			assertThat(blocks.size()).isLessThanOrEqualTo(50);
			assertThat(blocks.get(0).path("text").path("text").asString().length()).isLessThanOrEqualTo(150);
			blocks.forEach(block -> {
				assertThat(block.path("text").path("text").asString("").length()).isLessThanOrEqualTo(3000);
				assertThat(block.path("fields").size()).isLessThanOrEqualTo(10);
				block.path("fields")
					.forEach(f -> assertThat(f.path("text").asString().length()).isLessThanOrEqualTo(2000));
				block.path("elements").forEach(e -> {
					assertThat(e.path("text").path("text").asString("").length()).isLessThanOrEqualTo(75);
					assertThat(e.path("url").asString("").length()).isLessThanOrEqualTo(3000);
				});
				assertThat(block.path("block_id").asString("").length()).isLessThanOrEqualTo(255);
			});
		}
	}

	@Test
	void theSecurityHubLinkSearchesTheFindingIdEncodedTwiceAsTheConsoleDoes() {
		assertThat(ConsoleLinks.securityHub(alert("a-1")))
			.hasValue("https://ap-northeast-1.console.aws.amazon.com/securityhub/home?region=ap-northeast-1"
					+ "#/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253Aarn%253Aaws%253Aguardduty%253A"
					+ "ap-northeast-1%253A111122223333%253Adetector%252Fd1%252Ffinding%252Ff1a2b3");
		var inspector = new Alert("a-2", "rule", Severity.HIGH, "Inspector", "k",
				"arn:aws:inspector2:cn-north-1:1:finding/x y", "", "t", "", "111122223333", "cn-north-1", "", "", null,
				null, Instant.EPOCH, IntakeChannel.WEBHOOK, "e");
		assertThat(ConsoleLinks.securityHub(inspector)).hasValueSatisfying(url -> assertThat(url)
			.startsWith("https://cn-north-1.console.amazonaws.cn/securityhub/home?region=cn-north-1#")
			.endsWith("finding%252Fx%2520y"));
		assertThat(ConsoleLinks.guardDuty(inspector)).isEmpty();
		assertThat(ConsoleLinks.securityHub(withRegion(inspector, "global"))).isEmpty();
	}

	static Alert alert(String id) {
		return new Alert(id, "guardduty-new-active", Severity.HIGH, "GuardDuty", "key-" + id, GUARDDUTY_ID,
				"arn:aws:securityhub:ap-northeast-1::product/aws/guardduty",
				"198.51.100.7 is performing SSH brute force attacks against i-0abc.",
				"TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce", "111122223333", "ap-northeast-1",
				"AwsEc2Instance", "arn:aws:ec2:ap-northeast-1:111122223333:instance/i-0abc",
				Instant.parse("2026-11-20T03:10:00Z"), Instant.parse("2026-11-20T03:14:00Z"),
				Instant.parse("2026-11-20T03:15:00Z"), IntakeChannel.WEBHOOK, "event-" + id);
	}

	private static Alert withAccount(Alert a, String account) {
		return new Alert(a.id(), a.ruleName(), a.severity(), a.productName(), a.findingKey(), a.findingId(),
				a.productArn(), a.title(), a.findingType(), account, a.region(), a.resourceType(), a.resourceId(),
				a.firstObservedAt(), a.lastObservedAt(), a.raisedAt(), a.channel(), a.eventId());
	}

	private static Alert withRegion(Alert a, String region) {
		return new Alert(a.id(), a.ruleName(), a.severity(), a.productName(), a.findingKey(), a.findingId(),
				a.productArn(), a.title(), a.findingType(), a.accountId(), region, a.resourceType(), a.resourceId(),
				a.firstObservedAt(), a.lastObservedAt(), a.raisedAt(), a.channel(), a.eventId());
	}

	private JsonNode json(Notice notice) {
		return RouteReceiver.JSON.readTree(messages.json(notice));
	}

	private static List<String> fields(JsonNode section) {
		var texts = new ArrayList<String>();
		section.path("fields").forEach(field -> texts.add(field.path("text").asString()));
		return texts;
	}

	/** Every mrkdwn text object's text and the message's fallback text. */
	private static void collectMrkdwn(JsonNode node, List<String> texts) {
		if (node.isObject() && "mrkdwn".equals(node.path("type").asString(""))) {
			texts.add(node.path("text").asString());
		}
		node.forEach(child -> collectMrkdwn(child, texts));
	}

}
