package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.soc2ops.evidence.Actor;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;
import io.soc2ops.catalog.TestOutcome;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * With cross-Region aggregation, findings are collected from the home Region only — it
 * holds the linked Regions' findings — while the standards are checked in every Region.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1,ap-northeast-3",
		"soc2ops.aws.aggregation-region=ap-northeast-1" })
class AggregationRegionTests {

	static final Actor TEST = Actor.system("test");

	static final String ACCOUNT = "444455556666";

	static final LocalAws aws = LocalAws.start();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class AccountCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalSettings.credentials(ACCOUNT);
		}

	}

	@Autowired
	SecurityHubCollector collector;

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void findingsComeFromTheAggregationRegionAndStandardsFromEveryRegion() {
		aws.findings(ACCOUNT, "ap-northeast-1",
				SampleFindings.s3Buckets(ACCOUNT, "ap-northeast-3", 2, Instant.parse("2026-11-27T09:00:00Z")));
		aws.standards(ACCOUNT, "ap-northeast-3", LocalAws.FSBP);

		var summary = collector.collect(TEST);

		assertThat(summary.syncs()).singleElement().satisfies(sync -> {
			assertThat(sync.target().region().code()).isEqualTo("ap-northeast-1");
			assertThat(sync.received()).isEqualTo(2);
		});
		assertThat(aws.calls("GetFindings")).extracting(LocalAws.Call::region).containsOnly("ap-northeast-1");
		assertThat(aws.calls("GetEnabledStandards")).extracting(LocalAws.Call::region)
			.containsExactlyInAnyOrder("ap-northeast-1", "ap-northeast-3");
		assertThat(summary.standards()).isEqualTo(TestOutcome.FAILED);
		assertThat(summary.standardsNote()).contains("CIS is not enabled in 444455556666/ap-northeast-3");
	}

}
