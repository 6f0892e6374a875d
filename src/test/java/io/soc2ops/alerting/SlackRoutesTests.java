package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.evidence.Actor;

/**
 * The routes as the delivery outbox sees them ({@link RouteDirectory}): each answer from
 * Slack becomes an outcome and is recorded on the route's health, and the webhook URL
 * shows up in no outcome, no stored error and no log line, even at DEBUG.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SlackRoutesTests {

	static final String PAYLOAD = "{\"text\":\"an alert\"}";

	static final Actor BY = Actor.user("routes-operator");

	@Autowired
	RouteDirectory directory;

	@Autowired
	AlertRoutes routes;

	@Autowired
	JdbcClient jdbc;

	final SlackReceiver slack = SlackReceiver.start();

	final String name = "route-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void stop() {
		slack.close();
	}

	@Test
	void aPostThatSlackTakesIsRecordedAsTheLastSuccess() {
		routes.create(name, slack.webhookUrl(), true, BY);

		assertThat(directory.post(name, PAYLOAD)).isEqualTo(new PostOutcome.Posted());

		assertThat(slack.delivered()).containsExactly(PAYLOAD);
		var health = routes.find(name).orElseThrow().health();
		assertThat(health.lastPostedAt()).isNotNull();
		assertThat(health.failsPermanently()).isFalse();
	}

	@Test
	void aRevokedWebhookMarksTheRouteAsFailingPermanentlyUntilAPostWorks() {
		routes.create(name, slack.webhookUrl(), true, BY);
		slack.answer(404);

		assertThat(directory.post(name, PAYLOAD))
			.isEqualTo(new PostOutcome.Permanent("Slack answered HTTP 404: no_service"));
		var failing = routes.find(name).orElseThrow().health();
		assertThat(failing.permanentError()).isEqualTo("Slack answered HTTP 404: no_service");
		assertThat(failing.permanentErrorAt()).isNotNull();
		assertThat(failing.lastError()).isEqualTo(failing.permanentError());

		slack.answer(200);
		assertThat(directory.post(name, PAYLOAD)).isEqualTo(new PostOutcome.Posted());
		assertThat(routes.find(name).orElseThrow().health().failsPermanently()).isFalse();
	}

	@Test
	void replacingTheUrlClearsThePermanentError() {
		routes.create(name, slack.webhookUrl(), true, BY);
		slack.answer(410);
		directory.post(name, PAYLOAD);
		assertThat(routes.find(name).orElseThrow().health().failsPermanently()).isTrue();

		routes.change(name, true, slack.url("/services/T0LOCAL00/B0LOCAL00/a-new-secret-0123456789"), BY);

		var health = routes.find(name).orElseThrow().health();
		assertThat(health.failsPermanently()).isFalse();
		assertThat(health.lastError()).as("the last error stays as history")
			.isEqualTo("Slack answered HTTP 410: channel_is_archived");
	}

	@Test
	void tooManyRequestsIsRetriedAfterWhatSlackAsksAndIsNotPermanent() {
		routes.create(name, slack.webhookUrl(), true, BY);
		slack.answer(429, "7");

		assertThat(directory.post(name, PAYLOAD)).isEqualTo(
				new PostOutcome.Retry("Slack answered HTTP 429: rate_limited", Optional.of(Duration.ofSeconds(7))));

		var health = routes.find(name).orElseThrow().health();
		assertThat(health.lastError()).isEqualTo("Slack answered HTTP 429: rate_limited");
		assertThat(health.failsPermanently()).isFalse();
	}

	@Test
	void aReceiverThatIsDownIsRetried() {
		routes.create(name, slack.webhookUrl(), true, BY);
		slack.stop();

		assertThat(directory.post(name, PAYLOAD)).isInstanceOf(PostOutcome.Retry.class);
		assertThat(routes.find(name).orElseThrow().health().lastError())
			.startsWith("could not reach the webhook: java.net.ConnectException");
	}

	@Test
	void noSuchRouteAndADisabledRouteArePermanentAndPostNothing() {
		routes.create(name, slack.webhookUrl(), false, BY);

		assertThat(directory.post("no-such-route", PAYLOAD))
			.isEqualTo(new PostOutcome.Permanent("there is no route named no-such-route"));
		assertThat(directory.post(name, PAYLOAD))
			.isEqualTo(new PostOutcome.Permanent("route " + name + " is disabled"));
		assertThat(slack.requests()).isEmpty();
		assertThat(routes.find(name).orElseThrow().health()).isEqualTo(RouteHealth.UNTRIED);
	}

	@Test
	void aUrlThatNoLongerOpensIsAPermanentErrorNamingTheRouteNotTheStoredValue() {
		routes.create(name, slack.webhookUrl(), true, BY);
		String sealed = sealedUrl();
		String altered = sealed.substring(0, 10) + (sealed.charAt(10) == 'A' ? 'B' : 'A') + sealed.substring(11);
		jdbc.sql("UPDATE alert_route SET webhook_url_sealed = :altered WHERE name = :name")
			.param("altered", altered)
			.param("name", name)
			.update();

		var outcome = (PostOutcome.Permanent) directory.post(name, PAYLOAD);

		assertThat(outcome.error())
			.startsWith("route " + name + ": its webhook URL does not open with this " + "installation's secret key")
			.endsWith("; replace the route's webhook URL")
			.doesNotContain(altered.substring(3, 20));
		assertThat(routes.find(name).orElseThrow().health().permanentError()).isEqualTo(outcome.error());
		assertThat(slack.requests()).isEmpty();
	}

	@Test
	void theUrlIsInNoLogLineEvenWithTheSlackSdkAtDebug(CapturedOutput output) {
		var logging = LoggingSystem.get(getClass().getClassLoader());
		for (String logger : new String[] { "com.slack.api", "okhttp3", "io.soc2ops.alerting" }) {
			logging.setLogLevel(logger, LogLevel.DEBUG);
		}
		try {
			routes.create(name, slack.webhookUrl(), true, BY);
			for (int status : new int[] { 200, 400, 429, 500 }) {
				slack.answer(status);
				directory.post(name, PAYLOAD);
			}
			routes.sendTestMessage(name, BY);
			slack.stop();
			directory.post(name, PAYLOAD);
		}
		finally {
			for (String logger : new String[] { "com.slack.api", "okhttp3", "io.soc2ops.alerting" }) {
				logging.setLogLevel(logger, null);
			}
		}

		assertThat(output.getAll()).as("something was logged about the route")
			.contains("Route " + name + " fails permanently: Slack answered HTTP 400")
			.contains("Posting to route " + name + " failed, to be retried: could not reach the webhook")
			.doesNotContain(slack.webhookPath())
			.doesNotContain(secretToken());
		assertThat(routes.find(name).orElseThrow().health().lastError()).doesNotContain(secretToken());
	}

	private String sealedUrl() {
		return jdbc.sql("SELECT webhook_url_sealed FROM alert_route WHERE name = :name")
			.param("name", name)
			.query(String.class)
			.single();
	}

	private String secretToken() {
		return slack.webhookPath().substring(slack.webhookPath().lastIndexOf('/') + 1);
	}

}
