package io.soc2ops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.slack.api.Slack;

/**
 * The demo's stand-in for Slack answers the Slack SDK as Slack would and keeps what it
 * took for the "what Slack would have received" page.
 */
@SpringBootTest(properties = "soc2ops.demo.enabled=true")
@AutoConfigureMockMvc
class DemoSlackReceiverTests {

	@Autowired
	DemoSlackReceiver receiver;

	@Autowired
	SlackInbox inbox;

	@Autowired
	MockMvc mvc;

	@Test
	void aMessageSentThroughTheSlackSdkIsShownOnThePage() throws Exception {
		long before = inbox.count();

		var response = Slack.getInstance().send(receiver.webhookUrl(), """
				{"text":"fallback","blocks":[{"type":"header","text":{"type":"plain_text","text":"HIGH <b>Recon</b>"}}]}
				""");

		assertThat(response.getCode()).isEqualTo(200);
		assertThat(response.getBody()).isEqualTo("ok");
		assertThat(inbox.count()).isEqualTo(before + 1);
		mvc.perform(get("/demo/slack").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("HIGH &lt;b&gt;Recon&lt;/b&gt;")));
	}

	@Test
	void itAnswersAsSlackDoesToAWrongWebhookAndToAPayloadThatIsNoMessage() throws Exception {
		long before = inbox.count();
		String wrong = receiver.webhookUrl().replaceAll("[0-9a-f]{24}$", "000000000000000000000000");

		var unknown = Slack.getInstance().send(wrong, "{\"text\":\"hi\"}");
		var invalid = Slack.getInstance().send(receiver.webhookUrl(), "{\"neither\":\"text nor blocks\"}");

		assertThat(unknown.getCode()).isEqualTo(404);
		assertThat(unknown.getBody()).isEqualTo("no_service");
		assertThat(invalid.getCode()).isEqualTo(400);
		assertThat(invalid.getBody()).isEqualTo("invalid_payload");
		assertThat(inbox.count()).isEqualTo(before);
	}

}
