package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/** Delivery settings refuse what cannot work, naming the setting; retries back off. */
class DeliverySettingsTests {

	@Test
	void refusesSettingsThatCannotWorkNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(0, Duration.ofSeconds(1), 50))
			.withMessage("soc2ops.alerting.delivery.max-attempts: must be 1-100 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(8, Duration.ofMillis(10), 50))
			.withMessage("soc2ops.alerting.delivery.lease: must be at least 1s but was PT0.01S");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(8, Duration.ofMinutes(1), 101))
			.withMessage("soc2ops.alerting.delivery.max-group: must be 1-100 but was 101");
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicSite(URI.create("ftp://soc2ops")))
			.withMessageStartingWith("soc2ops.public-url: 'ftp://soc2ops' is not an http(s) address");
	}

	@Test
	void theWaitDoublesUpToTheCapDrawnAtRandomBelowItButNeverBeforeRetryAfter() {
		var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
		RandomGenerator highest = new RandomGenerator() {
			@Override
			public long nextLong() {
				return Long.MAX_VALUE;
			}

			@Override
			public long nextLong(long bound) {
				return bound - 1;
			}
		};
		assertThat(backoff.after(1, Optional.empty(), highest)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.after(4, Optional.empty(), highest)).isEqualTo(Duration.ofSeconds(8));
		assertThat(backoff.after(30, Optional.empty(), highest)).isEqualTo(Duration.ofMinutes(5));
		var random = RandomGenerator.getDefault();
		for (int failures = 1; failures < 12; failures++) {
			assertThat(backoff.after(failures, Optional.empty(), random)).isBetween(Duration.ZERO,
					Duration.ofMinutes(5));
			assertThat(backoff.after(failures, Optional.of(Duration.ofSeconds(2)), random))
				.isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		}
	}

	private static DeliverySettings settings(int maxAttempts, Duration lease, int maxGroup) {
		return new DeliverySettings(true, Duration.ofSeconds(1), maxAttempts, Duration.ofSeconds(1),
				Duration.ofMinutes(5), lease, Duration.ofSeconds(1), maxGroup, "test");
	}

}
