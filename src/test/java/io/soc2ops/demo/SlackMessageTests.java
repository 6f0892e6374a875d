package io.soc2ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Block Kit as the demo page draws it: text only, links only to web addresses. */
class SlackMessageTests {

	static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

	@Test
	void blocksBecomeHeaderSectionsContextAndButtons() {
		var message = SlackMessage.of(1, AT,
				"""
						{"text":"HIGH: Backdoor:EC2/C&amp;CActivity.B!DNS","blocks":[
						 {"type":"header","text":{"type":"plain_text","text":"HIGH · EC2 instance is querying a C&C domain"}},
						 {"type":"section","text":{"type":"mrkdwn","text":"*<https://console.aws.amazon.com/x|Open in AWS>*"},
						  "fields":[{"type":"mrkdwn","text":"*Account*\\nproduction (111122223333)"}],
						"accessory":{"type":"button","text":{"type":"plain_text","text":"View"},"url":"http://localhost:8080/alerts/a2"}},
						 {"type":"context","elements":[{"type":"mrkdwn","text":"rule default"},{"type":"mrkdwn","text":"GuardDuty"}]},
						 {"type":"actions","elements":[
						  {"type":"button","text":{"type":"plain_text","text":"Acknowledge"},"url":"http://localhost:8080/alerts/a1","style":"primary"},
						  {"type":"button","text":{"type":"plain_text","text":"Evil"},"url":"javascript:alert(1)"}]},
						 {"type":"divider"}]}
						""");

		assertThat(message.text()).isEqualTo("HIGH: Backdoor:EC2/C&CActivity.B!DNS");
		assertThat(message.blocks()).hasSize(5);
		assertThat(message.blocks().get(0))
			.isEqualTo(new SlackMessage.Header("HIGH · EC2 instance is querying a C&C domain"));
		var section = (SlackMessage.Section) message.blocks().get(1);
		assertThat(section.text()).isEqualTo("*Open in AWS*");
		assertThat(section.fields()).containsExactly("*Account*\nproduction (111122223333)");
		assertThat(section.buttons())
			.containsExactly(new SlackMessage.Button("View", "http://localhost:8080/alerts/a2", false));
		assertThat(message.blocks().get(2))
			.isEqualTo(new SlackMessage.Context(java.util.List.of("rule default", "GuardDuty")));
		assertThat(((SlackMessage.Buttons) message.blocks().get(3)).buttons())
			.containsExactly(new SlackMessage.Button("Acknowledge", "http://localhost:8080/alerts/a1", true));
		assertThat(message.blocks().get(4)).isEqualTo(new SlackMessage.Other("divider"));
	}

	@Test
	void aPayloadThatIsNotJsonIsShownAsItsText() {
		var message = SlackMessage.of(2, AT, "<script>not json</script>");

		assertThat(message.text()).isEqualTo("<script>not json</script>");
		assertThat(message.blocks()).isEmpty();
	}

}
