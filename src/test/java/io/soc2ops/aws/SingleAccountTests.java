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
import io.soc2ops.evidence.EvidenceLedger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * One account with the default credentials, against the local AWS endpoint: the account
 * is the caller's, and its findings go through the findings intake like any other.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SingleAccountTests {

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
	ConnectionCheck connections;

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	EvidenceLedger ledger;

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
	void theAccountInScopeIsTheCallersAndNoRoleIsAssumed() {
		var report = connections.check(TEST);

		assertThat(report.results()).singleElement().satisfies(result -> {
			assertThat(result.target().toString()).isEqualTo(ACCOUNT + "/ap-northeast-1");
			assertThat(result.status()).isEqualTo(ConnectionStatus.OK);
			assertThat(result.workingCalls()).containsExactly("sts:GetCallerIdentity",
					"securityhub:GetEnabledStandards", "securityhub:GetFindings");
		});
		assertThat(aws.calls()).extracting(LocalAws.Call::operation).doesNotContain("AssumeRole", "ListAccounts");
		assertThat(aws.calls()).extracting(LocalAws.Call::accessKeyId).containsOnly(LocalAws.accessKeyId(ACCOUNT));
	}

	@Test
	void findingsComeInThroughTheIntakeAsAnApiBatchFromTheirAccountAndRegion() {
		aws.findings(ACCOUNT, "ap-northeast-1",
				SampleFindings.s3Buckets(ACCOUNT, "ap-northeast-1", 2, Instant.parse("2026-11-27T09:00:00Z")));

		var summary = collector.collect(TEST);

		assertThat(summary.received()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT channel FROM finding").query(String.class).list()).containsOnly("API");
		var imported = ledger.page(Long.MAX_VALUE, 50)
			.stream()
			.filter(entry -> entry.action().equals("findings.imported"))
			.toList();
		assertThat(imported).singleElement().satisfies(entry -> {
			assertThat(entry.actor().toString()).isEqualTo("system:collector");
			var payload = JsonMapper.builder().build().readTree(entry.payload());
			assertThat(payload.path("origin").asString()).isEqualTo("securityhub:" + ACCOUNT + "/ap-northeast-1");
			assertThat(payload.path("channel").asString()).isEqualTo("API");
			assertThat(payload.path("inserted").asInt()).isEqualTo(2);
		});
	}

	@Test
	void aRefusedGetFindingsIsRecordedAndTheStandardsAreStillTested() {
		aws.deny(ACCOUNT, "GetFindings");

		var summary = collector.collect(TEST);

		assertThat(summary.failures()).singleElement().satisfies(sync -> {
			assertThat(sync.status()).isEqualTo(ConnectionStatus.ACCESS_DENIED);
			assertThat(sync.error()).contains("securityhub:GetFindings", "AccessDeniedException");
		});
		assertThat(collector.syncs()).singleElement()
			.satisfies(sync -> assertThat(sync.lastError()).contains("AccessDeniedException"));
		assertThat(summary.standards()).isEqualTo(io.soc2ops.catalog.TestOutcome.PASSED);
	}

}
