package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook URLs: Slack's own hosts over https, local ones only when allowed; refusals name
 * the field and never repeat the URL; the hint shows enough to recognise it.
 */
class WebhookUrlTests {

	static final String SLACK = "https://hooks.slack.com/services/T024BE7LD/B08ABCDEF12/abcdefghijklmnopqrstwxyz";

	@Test
	void acceptsSlackIncomingWebhooksAndHintsAtThemWithoutRevealingThem() {
		var url = WebhookUrl.parse(SLACK, false);

		assertThat(url.value()).isEqualTo(SLACK);
		assertThat(url.hint()).isEqualTo("https://hooks.slack.com/services/T…/…/…wxyz");
		assertThat(url).hasToString(url.hint());
		assertThat(WebhookUrl.parse("https://hooks.slack-gov.com/services/T1/B2/C3", false).hint())
			.isEqualTo("https://hooks.slack-gov.com/services/…/…/…");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://hooks.slack.com/services/T1/B2/secretsecretsecret",
			"https://hooks.slack.com.evil.example/services/T1/B2/secretsecretsecret",
			"https://example.com/services/T1/B2/secretsecretsecret",
			"https://hooks.slack.com:8443/services/T1/B2/secretsecretsecret", "https://hooks.slack.com/services/",
			"https://hooks.slack.com/api/T1/B2/secretsecretsecret", "http://127.0.0.1:8080/services/T1/B2/secretsecret",
			"ftp://localhost/secretsecretsecret" })
	void refusesAnythingButSlacksWebhookHosts(String url) {
		assertThatThrownBy(() -> WebhookUrl.parse(url, false)).isInstanceOf(AlertingException.class)
			.hasMessageStartingWith("webhookUrl: must be a Slack incoming webhook URL")
			.hasMessageNotContaining("secretsecret");
	}

	@Test
	void acceptsLocalReceiversOnlyWhenAllowed() {
		var local = WebhookUrl.parse("http://127.0.0.1:4567/services/T1/B2/secretsecretsecret", true);

		assertThat(local.hint()).isEqualTo("http://127.0.0.1:4567/services/…/…/…cret");
		assertThat(WebhookUrl.parse("http://localhost:9/hook", true).hint()).isEqualTo("http://localhost:9/…");
		assertThatThrownBy(() -> WebhookUrl.parse("http://10.0.0.1/services/T1/B2/x", true))
			.hasMessageEndingWith("or an http URL on 127.0.0.1 or localhost");
	}

	@Test
	void refusesBadInputNamingTheFieldAndNeverTheUrl() {
		String secret = "/services/T1/B2/secretsecretsecret";
		assertThatThrownBy(() -> WebhookUrl.parse("", false)).hasMessage("webhookUrl: is required");
		assertThatThrownBy(() -> WebhookUrl.parse("https://hooks.slack.com" + secret + "x".repeat(500), false))
			.hasMessage("webhookUrl: must be at most 500 characters but has 557");
		assertThatThrownBy(() -> WebhookUrl.parse("https://hooks.slack.com" + secret + "\n", false))
			.hasMessage("webhookUrl: must be printable ASCII, without spaces or control characters");
		assertThatThrownBy(() -> WebhookUrl.parse("https://hooks.slack.com/services/T1/ B2/secretsecretsecret", false))
			.hasMessage("webhookUrl: must be printable ASCII, without spaces or control characters");
		assertThatThrownBy(() -> WebhookUrl.parse("https://hooks.slack.com" + secret + "?x=1", false))
			.hasMessageStartingWith("webhookUrl: must not carry a user name, query or fragment")
			.hasMessageNotContaining("secretsecret");
		assertThatThrownBy(() -> WebhookUrl.parse("https://user:pw@hooks.slack.com" + secret, false))
			.hasMessageStartingWith("webhookUrl: must not carry a user name")
			.hasMessageNotContaining("pw");
		assertThatThrownBy(() -> WebhookUrl.parse("https://hooks.slack.com/services/T1/B2/secret^secretsecret", false))
			.hasMessage("webhookUrl: is not a URL");
	}

}
