package io.soc2ops.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SQS queue an EventBridge rule sends Security Hub findings to
 * ({@code soc2ops.aws.queue.*}). soc2ops polls it only when a URL is set, and only in the
 * server ({@code serve}, {@code demo}).
 *
 * @param url the queue URL, such as
 * {@code https://sqs.ap-northeast-1.amazonaws.com/111122223333/soc2ops-findings}
 * @param region the queue's Region; by default the one in an AWS queue URL, else
 * {@code soc2ops.aws}'s home Region
 * @param waitTime how long one {@code ReceiveMessage} waits for messages (long polling,
 * 0-20 seconds)
 * @param maxMessages messages asked for per {@code ReceiveMessage} (1-10)
 * @param visibilityTimeout how long a received message stays hidden from other receivers;
 * one that is not stored and deleted within it is delivered again
 * @param pollers receive loops working the queue at the same time
 * @param retryDelay the first wait after a failed receive; doubled after each further
 * failure
 * @param maxRetryDelay the longest wait between failed receives
 */
@ConfigurationProperties("soc2ops.aws.queue")
record QueueSettings(@Nullable URI url, @Nullable Region region, @DefaultValue("20s") Duration waitTime,
		@DefaultValue("10") int maxMessages, @DefaultValue("2m") Duration visibilityTimeout,
		@DefaultValue("1") int pollers, @DefaultValue("1s") Duration retryDelay,
		@DefaultValue("5m") Duration maxRetryDelay) {

	/**
	 * {@code sqs.<region>.amazonaws.com} and the legacy
	 * {@code <region>.queue.amazonaws.com}.
	 */
	private static final Pattern AWS_HOST = Pattern
		.compile("(?:sqs\\.([a-z0-9-]+)|([a-z0-9-]+)\\.queue)\\.amazonaws\\.com(?:\\.cn)?");

	QueueSettings {
		if (url != null && url.toString().isBlank()) {
			// SOC2OPS_AWS_QUEUE_URL left empty
			url = null;
		}
		if (url != null && (url.getHost() == null || url.getPath() == null || url.getPath().length() < 2
				|| !("https".equals(url.getScheme()) || "http".equals(url.getScheme())))) {
			throw new IllegalArgumentException(
					"soc2ops.aws.queue.url: '" + url + "' is not a queue URL (like https://sqs.ap-northeast-1"
							+ ".amazonaws.com/111122223333/soc2ops-findings)");
		}
		if (waitTime.isNegative() || waitTime.compareTo(Duration.ofSeconds(20)) > 0) {
			throw new IllegalArgumentException("soc2ops.aws.queue.wait-time: must be 0-20 seconds but was " + waitTime);
		}
		if (maxMessages < 1 || maxMessages > 10) {
			throw new IllegalArgumentException("soc2ops.aws.queue.max-messages: must be 1-10 but was " + maxMessages);
		}
		if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(Duration.ofHours(12)) > 0) {
			throw new IllegalArgumentException(
					"soc2ops.aws.queue.visibility-timeout: must be 0 seconds to 12 hours but was " + visibilityTimeout);
		}
		if (pollers < 1 || pollers > 16) {
			throw new IllegalArgumentException("soc2ops.aws.queue.pollers: must be 1-16 but was " + pollers);
		}
		if (!retryDelay.isPositive() || maxRetryDelay.compareTo(retryDelay) < 0) {
			throw new IllegalArgumentException("soc2ops.aws.queue.retry-delay: must be positive and at most"
					+ " soc2ops.aws.queue.max-retry-delay");
		}
	}

	/** The queue's Region: as set, else the one its AWS URL names. */
	Optional<Region> queueRegion() {
		if (region != null) {
			return Optional.of(region);
		}
		if (url == null) {
			return Optional.empty();
		}
		var host = AWS_HOST.matcher(url.getHost());
		if (!host.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Region(host.group(1) != null ? host.group(1) : host.group(2)));
	}

	/** The wait after {@code failures} failed receives in a row (1 or more). */
	Duration retryDelay(int failures) {
		int doublings = Math.min(failures - 1, 30);
		var delay = retryDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
	}

}
