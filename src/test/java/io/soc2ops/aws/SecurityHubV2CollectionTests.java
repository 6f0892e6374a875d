package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.soc2ops.evidence.Actor;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;
import io.soc2ops.findings.SecurityHubPosture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the new Security Hub is enabled, the collector also pulls its OCSF findings
 * ({@code GetFindingsV2}) through the same intake: a control finding that both hubs
 * report is one finding, and where the new hub is not enabled it is not asked.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SecurityHubV2CollectionTests {

	static final String ACCOUNT = "444455556666";

	static final String TOKYO = "ap-northeast-1";

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

	@Autowired
	SecurityHubPosture posture;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		aws.reset();
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void theSameFindingsFromBothHubsAreStoredOnceAndCountedOnce() {
		Instant cspm = Instant.now().minusSeconds(600);
		aws.findings(ACCOUNT, TOKYO, SampleFindings.s3Buckets(ACCOUNT, TOKYO, 3, cspm))
			.findingsV2(ACCOUNT, TOKYO, SampleFindings.s3BucketsOcsf(ACCOUNT, TOKYO, 3, cspm.plusSeconds(60)));

		var summary = collector.collect(Actor.system("test"));

		assertThat(summary.failures()).isEmpty();
		assertThat(summary.received()).isEqualTo(6);
		assertThat(summary.inserted()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT format FROM finding").query(String.class).list()).containsExactly("OCSF", "OCSF",
				"OCSF");
		assertThat(posture.results().get("S3.8").failingResources()).isEqualTo(3);
	}

	@Test
	void getFindingsV2AsksForFindingsModifiedSinceTheLastSync() {
		aws.findingsV2(ACCOUNT, TOKYO, SampleFindings.s3BucketsOcsf(ACCOUNT, TOKYO, 2, Instant.now()))
			.findingsV2(ACCOUNT, TOKYO,
					SampleFindings.s3BucketsOcsf(ACCOUNT, TOKYO, 1, Instant.parse("2020-01-01T00:00:00Z"))
						.stream()
						.map(f -> f.replace("a1b2c3d4-5678-90ab-cdef-000000000001", "long-ago"))
						.toList());

		var summary = collector.collect(Actor.system("test"));

		assertThat(summary.received()).isEqualTo(2);
		var asked = JsonMapper.builder().build().readTree(aws.calls("GetFindingsV2").getFirst().body());
		var date = asked.path("Filters").path("CompositeFilters").path(0).path("DateFilters").path(0);
		assertThat(date.path("FieldName").asString()).isEqualTo("finding_info.modified_time_dt");
		assertThat(Instant.parse(date.path("Filter").path("Start").asString())).isBefore(Instant.now());
		assertThat(date.path("Filter").has("End")).isTrue();
		assertThat(asked.path("MaxResults").asInt()).isEqualTo(100);
	}

	@Test
	void whereTheNewSecurityHubIsNotEnabledOnlyGetFindingsIsAsked() {
		aws.findings(ACCOUNT, TOKYO, SampleFindings.s3Buckets(ACCOUNT, TOKYO, 2, Instant.now()));

		var summary = collector.collect(Actor.system("test"));

		assertThat(summary.failures()).isEmpty();
		assertThat(summary.received()).isEqualTo(2);
		assertThat(aws.calls("DescribeSecurityHubV2")).singleElement()
			.satisfies(call -> assertThat(call.status()).isEqualTo(404));
		assertThat(aws.calls("GetFindingsV2")).isEmpty();
		assertThat(jdbc.sql("SELECT format FROM finding").query(String.class).list()).containsOnly("ASFF");
	}

	@Test
	void aRefusedGetFindingsV2IsRecordedNamingItAndTheMarkStays() {
		aws.findings(ACCOUNT, TOKYO, SampleFindings.s3Buckets(ACCOUNT, TOKYO, 2, Instant.now()))
			.findingsV2(ACCOUNT, TOKYO, SampleFindings.s3BucketsOcsf(ACCOUNT, TOKYO, 2, Instant.now()))
			.deny(ACCOUNT, "GetFindingsV2");

		var summary = collector.collect(Actor.system("test"));

		assertThat(summary.failures()).singleElement().satisfies(sync -> {
			assertThat(sync.status()).isEqualTo(ConnectionStatus.ACCESS_DENIED);
			assertThat(sync.error()).contains("securityhub:GetFindingsV2", "AccessDeniedException",
					"not authorized to perform: securityhub:GetFindings");
		});
		assertThat(collector.syncs()).singleElement().satisfies(sync -> assertThat(sync.lastSuccessAt()).isNull());
	}

}
