package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleInspectorFindings;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * With {@code soc2ops.aws.inspector.enabled=false} a collection never calls Inspector,
 * though a vulnerability intake is there to take its findings and Inspector has some.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1",
		"soc2ops.aws.inspector.enabled=false" })
@Import(RecordingVulnerabilityIntake.Configuration.class)
class InspectorDisabledTests {

	static final String ACCOUNT = "444455556666";

	static final LocalAws aws = LocalAws.start()
		.inspectorFindings(ACCOUNT, "ap-northeast-1",
				SampleInspectorFindings.packageVulnerabilities(ACCOUNT, "ap-northeast-1", 2, Instant.now()));

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
	RecordingVulnerabilityIntake intake;

	@Autowired
	EvidenceLedger ledger;

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void aCollectionLeavesInspectorAlone() {
		var summary = collector.collect(Actor.system("test"));

		assertThat(summary.syncs()).singleElement()
			.satisfies(sync -> assertThat(sync.status()).isEqualTo(ConnectionStatus.OK));
		assertThat(summary.inspector()).isEmpty();
		assertThat(aws.calls()).extracting(LocalAws.Call::service).doesNotContain("inspector2");
		assertThat(intake.pages).isEmpty();
		assertThat(intake.completed).isEmpty();
		assertThat(collector.inspectorSyncs()).isEmpty();
		assertThat(ledger.page(Long.MAX_VALUE, 50)).extracting(entry -> entry.action())
			.contains("securityhub.collected")
			.doesNotContain("inspector.collected");
	}

}
