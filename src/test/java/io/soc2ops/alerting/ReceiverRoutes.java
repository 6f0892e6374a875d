package io.soc2ops.alerting;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;

import com.slack.api.Slack;
import com.slack.api.webhook.WebhookResponse;

/**
 * Routes for tests: each route name is a webhook of the context's {@link SlackReceiver},
 * posted to through the real Slack SDK, and Slack's answers are told apart as the route
 * directory promises (2xx posted; 429 and 5xx again later, honouring Retry-After; other
 * answers permanent). Import {@link SlackReceiver.OfTheContext} too for a receiver of the
 * context's own; a test with several contexts registers one {@link SlackReceiver} in
 * each.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReceiverRoutes implements RouteDirectory {

	private static final Slack SLACK = Slack.getInstance();

	private final ObjectProvider<SlackReceiver> receiver;

	ReceiverRoutes(ObjectProvider<SlackReceiver> receiver) {
		this.receiver = receiver;
	}

	@Override
	public PostOutcome post(String routeName, String payloadJson) {
		WebhookResponse response;
		try {
			response = SLACK.send(receiver.getObject().url(routeName), payloadJson);
		}
		catch (IOException ex) {
			return new PostOutcome.Retry("could not reach Slack: " + ex.getClass().getSimpleName(), Optional.empty());
		}
		int code = response.getCode();
		String said = "HTTP " + code + ": " + response.getBody();
		if (code / 100 == 2) {
			return new PostOutcome.Posted();
		}
		if (code == 429 || code >= 500) {
			return new PostOutcome.Retry(said, retryAfter(response.getHeaders()));
		}
		return new PostOutcome.Permanent(said);
	}

	private static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
		return headers.entrySet()
			.stream()
			.filter(header -> header.getKey().equalsIgnoreCase("Retry-After") && !header.getValue().isEmpty())
			.map(header -> Duration.ofSeconds(Long.parseLong(header.getValue().getFirst().strip())))
			.findFirst();
	}

}
