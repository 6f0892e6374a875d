package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleInspectorFindings;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.vulnerabilities.ObservedVulnerability;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon Inspector in a collection over an Organization of three accounts in two Regions,
 * against the local AWS endpoint: every page of every account-Region handed to the
 * vulnerability intake and the sync told complete; a page that fails, a refusal,
 * Inspector switched off in a Region or the role not assumed leave that account-Region
 * untold, recorded on its sync, and the others complete. The ledger is append-only, so
 * every test gets a fresh context and database.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.mode=ORGANIZATION",
		"soc2ops.aws.regions=ap-northeast-1,ap-northeast-3", "soc2ops.aws.inspector.page-size=2",
		"soc2ops.aws.timeouts.attempt=1s", "soc2ops.aws.timeouts.call=4s" })
@Import(RecordingVulnerabilityIntake.Configuration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class InspectorCollectionTests {

	static final Actor TEST = Actor.system("test");

	static final String MANAGEMENT = "111111111111";

	static final String PRODUCTION = "222222222222";

	static final String SANDBOX = "333333333333";

	static final String TOKYO = "ap-northeast-1";

	static final String OSAKA = "ap-northeast-3";

	static final List<String> EVERY_TARGET = List.of(MANAGEMENT + "/" + TOKYO, MANAGEMENT + "/" + OSAKA,
			PRODUCTION + "/" + TOKYO, PRODUCTION + "/" + OSAKA, SANDBOX + "/" + TOKYO, SANDBOX + "/" + OSAKA);

	static final Instant UPDATED = Instant.parse("2026-11-27T09:00:00.000Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final LocalAws aws = LocalAws.start();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class ManagementAccountCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalSettings.credentials(MANAGEMENT);
		}

	}

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	RecordingVulnerabilityIntake intake;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	@Qualifier("securityHubCollectionTask")
	RecurringTask scheduledCollection;

	@BeforeEach
	void organization() {
		aws.reset().organization(MANAGEMENT, PRODUCTION, SANDBOX);
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void everyPageOfEveryAccountAndRegionIsHandedOverAndEachSyncToldComplete() {
		aws.inspectorFindings(PRODUCTION, TOKYO,
				SampleInspectorFindings.packageVulnerabilities(PRODUCTION, TOKYO, 5, UPDATED));
		aws.inspectorFindings(PRODUCTION, OSAKA,
				List.of(SampleInspectorFindings.networkReachability(PRODUCTION, OSAKA, UPDATED),
						SampleInspectorFindings.onTwoInstances(PRODUCTION, OSAKA, UPDATED)));
		aws.inspectorFindings(SANDBOX, TOKYO,
				List.of(SampleInspectorFindings.codeVulnerability(SANDBOX, TOKYO, UPDATED)));

		var summary = collector.collect(TEST);

		assertThat(summary.inspector()).hasSize(6);
		assertThat(summary.inspectorFailures()).isEmpty();
		var production = inspector(summary, PRODUCTION, TOKYO);
		assertThat(production.pages()).isEqualTo(3);
		assertThat(production.findings()).isEqualTo(5);
		assertThat(production.vulnerabilities()).isEqualTo(5);
		assertThat(inspector(summary, PRODUCTION, OSAKA).vulnerabilities()).isEqualTo(3);
		var requests = aws.calls("ListFindings")
			.stream()
			.filter(call -> call.account().equals(PRODUCTION) && call.region().equals(TOKYO))
			.map(call -> JSON.readTree(call.body()))
			.toList();
		assertThat(requests).hasSize(3);
		assertThat(requests).allSatisfy(body -> assertThat(body.path("maxResults").asInt()).isEqualTo(2));
		assertThat(requests.get(0).has("nextToken")).isFalse();
		assertThat(requests.get(2).path("nextToken").asString()).isNotEmpty();
		assertThat(intake.observed(PRODUCTION, TOKYO)).extracting(ObservedVulnerability::resourceId)
			.containsExactlyElementsOf(List.of(1, 2, 3, 4, 5).stream().map(SampleInspectorFindings::instance).toList());
		assertThat(intake.observed(SANDBOX, TOKYO)).singleElement()
			.satisfies(code -> assertThat(code.kind())
				.isEqualTo(ObservedVulnerability.VulnerabilityKind.CODE_VULNERABILITY));
		assertThat(intake.completedTargets()).containsExactlyInAnyOrderElementsOf(EVERY_TARGET);
		assertThat(intake.completed).allSatisfy(completed -> {
			assertThat(completed.startedAt()).isBetween(summary.startedAt(), summary.finishedAt());
			assertThat(inspector(summary, completed.accountId(), completed.region()).startedAt())
				.isEqualTo(completed.startedAt());
		});
		assertThat(collector.inspectorSyncs()).hasSize(6).allSatisfy(sync -> {
			assertThat(sync.collector()).isEqualTo("inspector");
			assertThat(sync.lastError()).isNull();
			assertThat(sync.lastSuccessAt()).isEqualTo(
					inspector(summary, sync.target().account().value(), sync.target().region().code()).startedAt());
		});
		assertThat(collector.syncs()).extracting(CollectorSync::collector).containsOnly("securityhub");
	}

	@Test
	void aPageThatFailsLeavesThatSyncUntoldAndTheOthersComplete() {
		aws.inspectorFindings(PRODUCTION, TOKYO,
				SampleInspectorFindings.packageVulnerabilities(PRODUCTION, TOKYO, 5, UPDATED));
		aws.inspectorFindings(SANDBOX, TOKYO,
				SampleInspectorFindings.packageVulnerabilities(SANDBOX, TOKYO, 3, UPDATED));
		aws.failInspectorPage(PRODUCTION, TOKYO, 2);

		var summary = collector.collect(TEST);

		var failed = inspector(summary, PRODUCTION, TOKYO);
		assertThat(failed.status()).isEqualTo(ConnectionStatus.ERROR);
		assertThat(failed.complete()).isFalse();
		assertThat(failed.pages()).isEqualTo(1);
		assertThat(failed.error()).contains("inspector2:ListFindings", "InternalServerException", "HTTP 500");
		// the first page was handed over; the sync was never told complete
		assertThat(intake.observed(PRODUCTION, TOKYO)).hasSize(2);
		assertThat(intake.completedTargets()).doesNotContain(PRODUCTION + "/" + TOKYO)
			.containsExactlyInAnyOrderElementsOf(
					EVERY_TARGET.stream().filter(target -> !target.equals(PRODUCTION + "/" + TOKYO)).toList());
		assertThat(intake.observed(SANDBOX, TOKYO)).hasSize(3);
		assertThat(summary.inspectorFailures()).containsExactly(failed);
		var sync = inspectorSync(PRODUCTION, TOKYO);
		assertThat(sync.lastSuccessAt()).isNull();
		assertThat(sync.lastError()).contains("InternalServerException");
		// retried as a server error before giving up
		assertThat(aws.calls("ListFindings")
			.stream()
			.filter(call -> call.account().equals(PRODUCTION) && call.region().equals(TOKYO) && call.status() == 500))
			.hasSizeGreaterThan(1);
	}

	@Test
	void aPageTheIntakeRefusesLeavesThatSyncUntold() {
		aws.inspectorFindings(PRODUCTION, TOKYO,
				SampleInspectorFindings.packageVulnerabilities(PRODUCTION, TOKYO, 4, UPDATED));
		intake.refuse = page -> page.stream()
			.anyMatch(vulnerability -> vulnerability.resourceId().equals(SampleInspectorFindings.instance(3)));

		var summary = collector.collect(TEST);

		var refused = inspector(summary, PRODUCTION, TOKYO);
		assertThat(refused.status()).isEqualTo(ConnectionStatus.ERROR);
		assertThat(refused.error()).contains("inspector2:222222222222/ap-northeast-1", "after page 2", "refused");
		assertThat(intake.completedTargets()).hasSize(5).doesNotContain(PRODUCTION + "/" + TOKYO);
	}

	@Test
	void aRefusalAndInspectorSwitchedOffInARegionAreRecordedOnTheirSyncs() {
		aws.deny(SANDBOX, "ListFindings");
		aws.inspectorNotEnabled(PRODUCTION, OSAKA);

		var summary = collector.collect(TEST);

		assertThat(summary.inspectorFailures()).extracting(sync -> sync.target() + " " + sync.status())
			.containsExactlyInAnyOrder(SANDBOX + "/" + TOKYO + " ACCESS_DENIED",
					SANDBOX + "/" + OSAKA + " ACCESS_DENIED", PRODUCTION + "/" + OSAKA + " NOT_ENABLED");
		assertThat(inspector(summary, SANDBOX, TOKYO).error()).contains("inspector2:ListFindings",
				"AccessDeniedException", "HTTP 403");
		assertThat(inspector(summary, PRODUCTION, OSAKA).error())
			.contains("Amazon Inspector is DISABLED in 222222222222/ap-northeast-3");
		assertThat(aws.calls("ListFindings"))
			.noneMatch(call -> call.account().equals(PRODUCTION) && call.region().equals(OSAKA));
		assertThat(intake.completedTargets()).containsExactlyInAnyOrder(MANAGEMENT + "/" + TOKYO,
				MANAGEMENT + "/" + OSAKA, PRODUCTION + "/" + TOKYO);
		assertThat(inspectorSync(PRODUCTION, OSAKA).lastError()).contains("DISABLED");
		assertThat(inspectorSync(SANDBOX, OSAKA).lastError()).contains("AccessDeniedException");
		// Security Hub is collected as ever
		assertThat(summary.failures()).isEmpty();
	}

	@Test
	void anAccountWhoseRoleCannotBeAssumedIsNotReadAndSaysWhy() {
		aws.denyAssumeRole(SANDBOX);

		var summary = collector.collect(TEST);

		assertThat(inspector(summary, SANDBOX, TOKYO).status()).isEqualTo(ConnectionStatus.ACCESS_DENIED);
		assertThat(inspectorSync(SANDBOX, OSAKA).lastError()).contains("sts:AssumeRole into arn:aws:iam::333333333333");
		assertThat(aws.calls()).filteredOn(call -> SANDBOX.equals(call.account()))
			.extracting(LocalAws.Call::operation)
			.doesNotContain("ListFindings", "BatchGetAccountStatus");
		assertThat(intake.completedTargets()).hasSize(4);
	}

	@Test
	void throttledCallsAreRetriedAndTheSyncCompletes() {
		aws.throttle("ListFindings", 3).throttle("BatchGetAccountStatus", 1);
		aws.inspectorFindings(PRODUCTION, TOKYO,
				SampleInspectorFindings.packageVulnerabilities(PRODUCTION, TOKYO, 3, UPDATED));

		var summary = collector.collect(TEST);

		assertThat(aws.calls()).filteredOn(call -> call.status() == 429).hasSize(4);
		assertThat(summary.inspectorFailures()).isEmpty();
		assertThat(intake.completedTargets()).containsExactlyInAnyOrderElementsOf(EVERY_TARGET);
		assertThat(intake.observed(PRODUCTION, TOKYO)).hasSize(3);
	}

	@Test
	void theCollectionIsInTheLedgerWithWhoAskedAndWhichAccountRegionsWereReadCompletely() {
		aws.inspectorFindings(PRODUCTION, TOKYO,
				List.of(SampleInspectorFindings.onTwoInstances(PRODUCTION, TOKYO, UPDATED)));
		aws.inspectorNotEnabled(SANDBOX, OSAKA);

		collector.collect(TEST);

		var entries = ledger.page(Long.MAX_VALUE, 50)
			.stream()
			.filter(entry -> entry.action().equals("inspector.collected"))
			.toList();
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.actor().toString()).isEqualTo("system:test");
			JsonNode payload = JSON.readTree(entry.payload());
			assertThat(payload.path("accountRegions").asInt()).isEqualTo(6);
			assertThat(payload.path("findings").asInt()).isEqualTo(1);
			assertThat(payload.path("vulnerabilities").asInt()).isEqualTo(2);
			assertThat(strings(payload.path("complete"))).hasSize(5).doesNotContain(SANDBOX + "/" + OSAKA);
			assertThat(strings(payload.path("failed"))).containsExactly(SANDBOX + "/" + OSAKA + " NOT_ENABLED");
		});
	}

	@Test
	void aScheduledRunThatCouldNotReadInspectorEverywhereFailsNamingTheAccountAndRegion() {
		aws.inspectorNotEnabled(PRODUCTION, OSAKA);

		assertThatThrownBy(() -> scheduledCollection.body().run()).isInstanceOf(AwsSchedule.Incomplete.class)
			.hasMessageContaining("1 of 6 account-Regions' Amazon Inspector findings not read")
			.hasMessageContaining("222222222222/ap-northeast-3 inspector2:BatchGetAccountStatus")
			.hasMessageNotContaining("not collected:");
		assertThat(intake.completedTargets()).hasSize(5);
	}

	static InspectorSync inspector(CollectionSummary summary, String account, String region) {
		return summary.inspector()
			.stream()
			.filter(sync -> sync.target().toString().equals(account + "/" + region))
			.findFirst()
			.orElseThrow();
	}

	CollectorSync inspectorSync(String account, String region) {
		return collector.inspectorSyncs()
			.stream()
			.filter(sync -> sync.target().toString().equals(account + "/" + region))
			.findFirst()
			.orElseThrow();
	}

	static List<String> strings(JsonNode array) {
		var strings = new ArrayList<String>();
		array.forEach(node -> strings.add(node.asString()));
		return strings;
	}

}
