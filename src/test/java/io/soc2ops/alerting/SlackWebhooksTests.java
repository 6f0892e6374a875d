package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Posting with the Slack SDK to a local receiver: what each answer means for the outbox,
 * and that no error text carries the webhook URL.
 */
class SlackWebhooksTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");

	static final String PAYLOAD = "{\"text\":\"GuardDuty: UnauthorizedAccess:EC2/SSHBruteForce\"}";

	final SlackReceiver slack = SlackReceiver.start();

	final SlackWebhooks webhooks = new SlackWebhooks(
			new RouteSettings(true, Duration.ofSeconds(2), Duration.ofMillis(500)), Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void stop() throws Exception {
		webhooks.close();
		slack.close();
	}

	@Test
	void aTwoHundredIsPostedAndTheReceiverGetsThePayloadAsIs() {
		assertThat(webhooks.post(slack.webhookUrl(), PAYLOAD)).isEqualTo(new PostOutcome.Posted());

		assertThat(slack.requests()).containsExactly(new SlackReceiver.Request(slack.webhookPath(), PAYLOAD, 200));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 403, 404, 410 })
	void aRevokedOrBrokenWebhookIsPermanent(int status) {
		slack.answer(status);

		var outcome = webhooks.post(slack.webhookUrl(), PAYLOAD);

		assertThat(outcome).isInstanceOf(PostOutcome.Permanent.class);
		assertThat(((PostOutcome.Permanent) outcome).error()).startsWith("Slack answered HTTP " + status + ": ");
	}

	@Test
	void aGoneWebhookSaysWhatSlackSaid() {
		slack.answer(410);

		assertThat(webhooks.post(slack.webhookUrl(), PAYLOAD))
			.isEqualTo(new PostOutcome.Permanent("Slack answered HTTP 410: channel_is_archived"));
	}

	@Test
	void tooManyRequestsIsRetriedAfterTheSecondsSlackAsksFor() {
		slack.answer(429, "30");

		assertThat(webhooks.post(slack.webhookUrl(), PAYLOAD)).isEqualTo(
				new PostOutcome.Retry("Slack answered HTTP 429: rate_limited", Optional.of(Duration.ofSeconds(30))));
	}

	@Test
	void aRetryAfterDateIsTheWaitUntilThen() {
		slack.answer(503, DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(120).atZone(ZoneOffset.UTC)));

		assertThat(webhooks.post(slack.webhookUrl(), PAYLOAD)).isEqualTo(
				new PostOutcome.Retry("Slack answered HTTP 503: rollup_error", Optional.of(Duration.ofMinutes(2))));
	}

	@Test
	void aServerErrorWithoutRetryAfterIsRetriedWhenTheOutboxSees() {
		slack.answer(500);

		assertThat(webhooks.post(slack.webhookUrl(), PAYLOAD))
			.isEqualTo(new PostOutcome.Retry("Slack answered HTTP 500: rollup_error", Optional.empty()));
	}

	@Test
	void aClosedPortIsRetriedAndTheErrorDoesNotShowThePath() {
		slack.stop();

		var outcome = webhooks.post(slack.webhookUrl(), PAYLOAD);

		assertThat(outcome).isInstanceOf(PostOutcome.Retry.class);
		var retry = (PostOutcome.Retry) outcome;
		assertThat(retry.error()).startsWith("could not reach the webhook: java.net.ConnectException")
			.doesNotContain(slack.webhookPath())
			.doesNotContain(slack.webhookPath().substring(slack.webhookPath().lastIndexOf('/') + 1));
		assertThat(retry.retryAfter()).isEmpty();
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeIsRetried() {
		slack.answerAfter(Duration.ofSeconds(3));

		var outcome = webhooks.post(slack.webhookUrl(), PAYLOAD);

		assertThat(outcome).isInstanceOf(PostOutcome.Retry.class);
		assertThat(((PostOutcome.Retry) outcome).error()).startsWith("could not reach the webhook: ")
			.containsIgnoringCase("timeout")
			.doesNotContain(slack.webhookPath());
	}

	@Test
	void aRestartedReceiverTakesPostsAgainOnTheSamePort() {
		slack.stop();
		assertThat(webhooks.post(slack.webhookUrl(), PAYLOAD)).isInstanceOf(PostOutcome.Retry.class);

		slack.restart();

		assertThat(webhooks.post(slack.webhookUrl(), PAYLOAD)).isEqualTo(new PostOutcome.Posted());
		assertThat(slack.delivered()).containsExactly(PAYLOAD);
	}

	@Test
	void aFailingFractionOfRequestsFailsEvenly() {
		slack.fail(0.3, 500);

		long posted = java.util.stream.IntStream.range(0, 20)
			.mapToObj(i -> webhooks.post(slack.webhookUrl(), "{\"text\":\"" + i + "\"}"))
			.filter(PostOutcome.Posted.class::isInstance)
			.count();

		assertThat(posted).isEqualTo(14);
		assertThat(slack.requests()).hasSize(20);
		assertThat(slack.delivered()).hasSize(14);
	}

	@Test
	void errorTextsLoseEveryTraceOfTheUrl() {
		String url = slack.webhookUrl();
		String secret = url.substring(url.lastIndexOf('/') + 1);

		String scrubbed = ErrorText.scrubbed("failed: " + url + " (path " + slack.webhookPath() + ", token " + secret
				+ ", see https://example.com/x)\n\tat okhttp3", url);

		assertThat(scrubbed).isEqualTo("failed: <webhook URL> (path /…, token …, see <URL>) at okhttp3");
	}

}
