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
 * {@code soc2ops.aws.*}: documented defaults, Regions from a comma list, and settings
 * that cannot work refused at start with the property named.
 */
class AwsSettingsTests {

	static AwsSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("soc2ops.aws",
				AwsSettings.class);
	}

	@Test
	void defaultsAreOffSingleAccountAndAwssPublishedRates() {
		var settings = bind(Map.of());

		assertThat(settings.enabled()).isFalse();
		assertThat(settings.mode()).isEqualTo(AwsSettings.Mode.SINGLE_ACCOUNT);
		assertThat(settings.regions()).isEmpty();
		assertThat(settings.roleName()).isEqualTo("soc2ops-readonly");
		assertThat(settings.endpoint()).isNull();
		assertThat(settings.pageSize()).isEqualTo(100);
		assertThat(settings.firstSyncLookback()).isEqualTo(Duration.ofDays(90));
		assertThat(settings.maxAttempts()).isEqualTo(5);
		assertThat(settings.timeouts()).isEqualTo(new AwsSettings.Timeouts(Duration.ofSeconds(5),
				Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(2)));
		assertThat(settings.rateLimits()).isEqualTo(new AwsSettings.RateLimits(3, 10, 5, 1, 10, 8));
	}

	@Test
	void regionsAndTheAggregationRegionBindFromText() {
		var settings = bind(Map.of("soc2ops.aws.enabled", "true", "soc2ops.aws.mode", "ORGANIZATION",
				"soc2ops.aws.regions", "ap-northeast-1,ap-northeast-3", "soc2ops.aws.aggregation-region",
				"ap-northeast-1", "soc2ops.aws.rate-limits.get-findings", "1.5"));

		assertThat(settings.regions()).containsExactly(new Region("ap-northeast-1"), new Region("ap-northeast-3"));
		assertThat(settings.findingsRegions()).containsExactly(new Region("ap-northeast-1"));
		assertThat(settings.homeRegion()).isEqualTo(new Region("ap-northeast-1"));
		assertThat(settings.rateLimits().getFindings()).isEqualTo(1.5);
		assertThat(settings.roleArn(new AccountId("222222222222")))
			.isEqualTo("arn:aws:iam::222222222222:role/soc2ops-readonly");
	}

	@Test
	void enabledWithoutRegionsIsRefusedNamingTheProperty() {
		assertThatThrownBy(() -> bind(Map.of("soc2ops.aws.enabled", "true"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("soc2ops.aws.regions");
	}

	@Test
	void aPageSizeAwsDoesNotAllowIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("soc2ops.aws.page-size", "500"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("soc2ops.aws.page-size");
	}

	@Test
	void anInvalidRegionIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("soc2ops.aws.regions", "tokyo"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("'tokyo' is not an AWS region code");
	}

}
