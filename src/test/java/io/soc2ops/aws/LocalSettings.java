package io.soc2ops.aws;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;

import io.soc2ops.aws.local.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Settings and credentials for tests that build the AWS clients themselves against a
 * {@link LocalAws}.
 */
final class LocalSettings {

	private LocalSettings() {
	}

	static AwsSettings settings(URI endpoint, AwsSettings.Mode mode, String... regions) {
		return new AwsSettings(true, mode, Arrays.stream(regions).map(Region::new).toList(), null, "soc2ops-readonly",
				null, endpoint, 100, Duration.ofDays(90), 3,
				new AwsSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5),
						Duration.ofSeconds(20)),
				new AwsSettings.RateLimits(100, 100, 100, 100, 100, 8), Duration.ofHours(1), LocalTime.of(5, 0));
	}

	/**
	 * The same settings with a single attempt per call: errors reach the caller as sent.
	 */
	static AwsSettings withoutRetries(AwsSettings settings) {
		return new AwsSettings(settings.enabled(), settings.mode(), settings.regions(), settings.aggregationRegion(),
				settings.roleName(), settings.externalId(), settings.endpoint(), settings.pageSize(),
				settings.firstSyncLookback(), 1, settings.timeouts(), settings.rateLimits(), settings.collectEvery(),
				settings.checkDailyAt());
	}

	static AwsCredentialsProvider credentials(String account) {
		return StaticCredentialsProvider
			.create(AwsBasicCredentials.create(LocalAws.accessKeyId(account), LocalAws.SECRET));
	}

}
