package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code soc2ops.aws.queue.*}: no queue unless a URL is set, long polling by default, the
 * Region read from an AWS queue URL, and what SQS does not allow refused at start.
 */
class QueueSettingsTests {

	static QueueSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("soc2ops.aws.queue",
				QueueSettings.class);
	}

	@Test
	void defaultsAreNoQueueLongPollingTenMessagesAndOneLoop() {
		var settings = bind(Map.of());

		assertThat(settings.url()).isNull();
		assertThat(settings.waitTime()).isEqualTo(Duration.ofSeconds(20));
		assertThat(settings.maxMessages()).isEqualTo(10);
		assertThat(settings.visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.pollers()).isEqualTo(1);
		assertThat(settings.queueRegion()).isEmpty();
	}

	@Test
	void anEmptyUrlIsNoQueue() {
		assertThat(bind(Map.of("soc2ops.aws.queue.url", "")).url()).isNull();
	}

	@Test
	void theRegionComesFromAnAwsQueueUrlUnlessSet() {
		assertThat(bind(Map.of("soc2ops.aws.queue.url",
				"https://sqs.ap-northeast-3.amazonaws.com/111122223333/soc2ops-findings"))
			.queueRegion()).contains(new Region("ap-northeast-3"));
		assertThat(bind(Map.of("soc2ops.aws.queue.url",
				"https://ap-northeast-1.queue.amazonaws.com/111122223333/soc2ops-findings"))
			.queueRegion()).contains(new Region("ap-northeast-1"));
		assertThat(bind(Map.of("soc2ops.aws.queue.url", "http://127.0.0.1:9324/000000000000/findings",
				"soc2ops.aws.queue.region", "ap-northeast-1"))
			.queueRegion()).contains(new Region("ap-northeast-1"));
		assertThat(bind(Map.of("soc2ops.aws.queue.url", "http://127.0.0.1:9324/000000000000/findings")).queueRegion())
			.isEmpty();
	}

	@Test
	void waitsAfterFailedReceivesDoubleUpToTheCap() {
		var settings = bind(Map.of("soc2ops.aws.queue.retry-delay", "1s", "soc2ops.aws.queue.max-retry-delay", "5s"));

		assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(settings.retryDelay(4)).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.retryDelay(1000)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void whatSqsDoesNotAllowIsRefusedNamingTheProperty() {
		assertThatThrownBy(() -> bind(Map.of("soc2ops.aws.queue.wait-time", "30s"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("soc2ops.aws.queue.wait-time");
		assertThatThrownBy(() -> bind(Map.of("soc2ops.aws.queue.max-messages", "11"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("soc2ops.aws.queue.max-messages");
		assertThatThrownBy(() -> bind(Map.of("soc2ops.aws.queue.url", "soc2ops-findings")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("soc2ops.aws.queue.url");
	}

}
