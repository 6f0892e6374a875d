package io.soc2ops.alerting;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.webhook.WebhookResponse;

/**
 * Posts to Slack incoming webhooks with the Slack SDK and says what came of it: 2xx
 * posted; 408, 429, 5xx and connections that fail or time out worth retrying (honouring
 * {@code Retry-After}); any other answer permanent. The SDK's response listeners are
 * switched off: its detailed logging writes the request URL, which is the secret.
 */
@Component
@EnableConfigurationProperties(RouteSettings.class)
class SlackWebhooks implements AutoCloseable {

	private final Slack slack;

	private final Clock clock;

	SlackWebhooks(RouteSettings settings, Clock clock) {
		this.clock = clock;
		var config = new SlackConfig();
		config.setHttpClientResponseHandlers(List.of());
		config.setPrettyResponseLoggingEnabled(false);
		config.setHttpClientReadTimeoutMillis((int) settings.webhookReadTimeout().toMillis());
		config.setHttpClientWriteTimeoutMillis((int) settings.webhookReadTimeout().toMillis());
		config.setHttpClientCallTimeoutMillis(
				(int) settings.webhookConnectTimeout().plus(settings.webhookReadTimeout()).multipliedBy(2).toMillis());
		var okHttp = SlackHttpClient.buildOkHttpClient(config)
			.newBuilder()
			.connectTimeout(settings.webhookConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.retryOnConnectionFailure(false)
			.build();
		var http = new SlackHttpClient(okHttp);
		http.setConfig(config);
		this.slack = Slack.getInstance(config, http);
	}

	PostOutcome post(String url, String payloadJson) {
		WebhookResponse response;
		try {
			response = slack.send(url, payloadJson);
		}
		catch (IOException ex) {
			return new PostOutcome.Retry("could not reach the webhook: " + ErrorText.scrubbed(ex.toString(), url),
					Optional.empty());
		}
		catch (IllegalArgumentException ex) {
			return new PostOutcome.Permanent(
					"the webhook URL is not usable: " + ErrorText.scrubbed(ex.toString(), url));
		}
		return classified(response, url);
	}

	private PostOutcome classified(WebhookResponse response, String url) {
		int code = response.getCode();
		if (code >= 200 && code < 300) {
			return new PostOutcome.Posted();
		}
		String body = response.getBody() == null ? "" : response.getBody();
		String error = ErrorText.scrubbed("Slack answered HTTP " + code + (body.isBlank() ? "" : ": " + body), url);
		if (code == 408 || code == 429 || code >= 500) {
			return new PostOutcome.Retry(error, RetryAfter.parse(header(response, "Retry-After"), clock.instant()));
		}
		return new PostOutcome.Permanent(error);
	}

	private static String header(WebhookResponse response, String name) {
		Map<String, List<String>> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
		return headers.entrySet()
			.stream()
			.filter(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
			.map(h -> h.getValue().getFirst())
			.findFirst()
			.orElse("");
	}

	@Override
	public void close() throws Exception {
		slack.close();
	}

}
