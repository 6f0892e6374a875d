package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.catalog.TestOutcome;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Organization of three accounts in two Regions, against the local AWS endpoint: the
 * connection check and the Security Hub collection, with one account refusing,
 * throttling, a hung call and Security Hub missing in a Region. The ledger is
 * append-only, so every test gets a fresh context and database.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.mode=ORGANIZATION",
		"soc2ops.aws.regions=ap-northeast-1,ap-northeast-3",
		"soc2ops.aws.external-id=" + OrganizationCollectionTests.EXTERNAL_ID, "soc2ops.aws.page-size=2",
		"soc2ops.aws.timeouts.attempt=1s", "soc2ops.aws.timeouts.call=4s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class OrganizationCollectionTests {

	static final Actor TEST = Actor.system("test");

	static final String MANAGEMENT = "111111111111";

	static final String PRODUCTION = "222222222222";

	static final String SANDBOX = "333333333333";

	static final String TOKYO = "ap-northeast-1";

	static final String OSAKA = "ap-northeast-3";

	static final String EXTERNAL_ID = "soc2ops-3f9c2a";

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
	ConnectionCheck connections;

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	ControlTests controlTests;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void organization() {
		aws.reset().organization(MANAGEMENT, PRODUCTION, SANDBOX).requireExternalId(EXTERNAL_ID);
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void theCheckReportsAccessDeniedForTheAccountThatRefusesAndOkForTheOthers() {
		aws.denyAssumeRole(SANDBOX);

		var report = connections.check(TEST);

		assertThat(report.scopeProblem()).isNull();
		assertThat(report.results()).hasSize(6);
		assertThat(statusPerTarget(report.results()))
			.containsExactlyInAnyOrderEntriesOf(Map.of(MANAGEMENT + "/" + TOKYO, ConnectionStatus.OK,
					MANAGEMENT + "/" + OSAKA, ConnectionStatus.OK, PRODUCTION + "/" + TOKYO, ConnectionStatus.OK,
					PRODUCTION + "/" + OSAKA, ConnectionStatus.OK, SANDBOX + "/" + TOKYO,
					ConnectionStatus.ACCESS_DENIED, SANDBOX + "/" + OSAKA, ConnectionStatus.ACCESS_DENIED));
		var denied = result(report.results(), SANDBOX, TOKYO);
		assertThat(denied.workingCalls()).isEmpty();
		assertThat(denied.message()).contains("sts:AssumeRole", "arn:aws:iam::333333333333:role/soc2ops-readonly",
				"AccessDenied");
		assertThat(result(report.results(), PRODUCTION, OSAKA).workingCalls()).containsExactly("sts:AssumeRole",
				"sts:GetCallerIdentity", "securityhub:GetEnabledStandards", "securityhub:GetFindings");
		assertThat(report.allOk()).isFalse();
		assertThat(connections.latest()).containsExactlyInAnyOrderElementsOf(report.results());
	}

	@Test
	void theRoleIsAssumedWithTheExternalId() {
		connections.check(TEST);

		assertThat(aws.calls("AssumeRole")).isNotEmpty()
			.allSatisfy(
					call -> assertThat(call.body()).contains("ExternalId=" + EXTERNAL_ID, "RoleSessionName=soc2ops"));
	}

	@Test
	void suspendedAccountsAreNotInScope() {
		aws.suspended("444444444444");

		var report = connections.check(TEST);

		assertThat(report.results()).extracting(r -> r.target().account().value())
			.containsOnly(MANAGEMENT, PRODUCTION, SANDBOX);
	}

	@Test
	void aHungCallTimesOutAsAnErrorAndTheOtherTargetsAreStillChecked() {
		aws.hang(PRODUCTION, OSAKA, "GetFindings");

		var report = connections.check(TEST);

		var hung = result(report.results(), PRODUCTION, OSAKA);
		assertThat(hung.status()).isEqualTo(ConnectionStatus.ERROR);
		assertThat(hung.message()).contains("securityhub:GetFindings", "timed out");
		assertThat(hung.workingCalls()).contains("securityhub:GetEnabledStandards");
		assertThat(report.results()).filteredOn(r -> r != hung)
			.extracting(ConnectionResult::status)
			.containsOnly(ConnectionStatus.OK);
	}

	@Test
	void aCollectionPagesThroughEveryPageAndStoresEveryFinding() {
		aws.denyAssumeRole(SANDBOX);
		Instant updated = Instant.parse("2026-11-27T09:00:00.000Z");
		aws.findings(PRODUCTION, TOKYO, SampleFindings.s3Buckets(PRODUCTION, TOKYO, 6, updated));
		aws.findings(MANAGEMENT, OSAKA, SampleFindings.s3Buckets(MANAGEMENT, OSAKA, 1, updated));

		var summary = collector.collect(TEST);

		var production = sync(summary, PRODUCTION, TOKYO);
		assertThat(production.status()).isEqualTo(ConnectionStatus.OK);
		assertThat(production.pages()).isEqualTo(3);
		assertThat(production.received()).isEqualTo(6);
		assertThat(production.inserted()).isEqualTo(6);
		var requests = aws.calls("GetFindings")
			.stream()
			.filter(call -> call.account().equals(PRODUCTION) && call.region().equals(TOKYO))
			.map(call -> JSON.readTree(call.body()))
			.toList();
		assertThat(requests).hasSize(3);
		assertThat(requests).allSatisfy(body -> assertThat(body.path("MaxResults").asInt()).isEqualTo(2));
		assertThat(requests.get(0).has("NextToken")).isFalse();
		assertThat(requests.get(1).path("NextToken").asString()).isNotEmpty();
		assertThat(storedPerTarget())
			.containsExactlyInAnyOrderEntriesOf(Map.of(PRODUCTION + "/" + TOKYO, 6L, MANAGEMENT + "/" + OSAKA, 1L));
		assertThat(jdbc.sql("SELECT resource_id FROM finding WHERE account_id = :account ORDER BY resource_id")
			.param("account", PRODUCTION)
			.query(String.class)
			.list()).containsExactly("arn:aws:s3:::example-bucket-1", "arn:aws:s3:::example-bucket-2",
					"arn:aws:s3:::example-bucket-3", "arn:aws:s3:::example-bucket-4", "arn:aws:s3:::example-bucket-5",
					"arn:aws:s3:::example-bucket-6");
	}

	@Test
	void accessDeniedInOneAccountIsRecordedInItsSyncAndTheOthersAreCollected() {
		aws.denyAssumeRole(SANDBOX);
		aws.findings(PRODUCTION, TOKYO, SampleFindings.s3Buckets(PRODUCTION, TOKYO, 2, Instant.now()));

		var summary = collector.collect(TEST);

		assertThat(summary.failures()).extracting(sync -> sync.target().toString())
			.containsExactlyInAnyOrder(SANDBOX + "/" + TOKYO, SANDBOX + "/" + OSAKA);
		assertThat(summary.failures()).extracting(TargetSync::status).containsOnly(ConnectionStatus.ACCESS_DENIED);
		var syncs = collector.syncs();
		assertThat(syncs).hasSize(6);
		assertThat(syncs).filteredOn(sync -> sync.target().account().value().equals(SANDBOX)).allSatisfy(sync -> {
			assertThat(sync.lastSuccessAt()).isNull();
			assertThat(sync.lastError()).contains("sts:AssumeRole into arn:aws:iam::333333333333:role/soc2ops-readonly",
					"AccessDenied");
		});
		assertThat(syncs).filteredOn(sync -> !sync.target().account().value().equals(SANDBOX)).allSatisfy(sync -> {
			assertThat(sync.lastSuccessAt()).isNotNull();
			assertThat(sync.lastError()).isNull();
		});
		assertThat(storedPerTarget()).containsExactlyEntriesOf(Map.of(PRODUCTION + "/" + TOKYO, 2L));
		assertThat(summary.standardsNote()).contains("could not check 333333333333/ap-northeast-1 (sts:AssumeRole");
	}

	@Test
	void theSecondCollectionAsksOnlyForFindingsUpdatedSinceTheFirstSync() {
		aws.findings(PRODUCTION, TOKYO,
				SampleFindings.s3Buckets(PRODUCTION, TOKYO, 3, Instant.parse("2026-11-27T09:00:00.000Z")));
		collector.collect(TEST);
		var firstSync = collector.syncs()
			.stream()
			.filter(sync -> sync.target().toString().equals(PRODUCTION + "/" + TOKYO))
			.findFirst()
			.orElseThrow()
			.lastSuccessAt();
		aws.findings(PRODUCTION, TOKYO, List.of(SampleFindings.s3Bucket(PRODUCTION, TOKYO, 4, Instant.now())));
		int before = aws.calls("GetFindings").size();

		var second = collector.collect(TEST);

		var asked = aws.calls("GetFindings")
			.subList(before, aws.calls("GetFindings").size())
			.stream()
			.filter(call -> call.account().equals(PRODUCTION) && call.region().equals(TOKYO))
			.toList();
		assertThat(asked).hasSize(1);
		var filter = JSON.readTree(asked.getFirst().body()).path("Filters").path("UpdatedAt").path(0);
		assertThat(filter.path("Start").asString()).isEqualTo(SecurityHubReads.TIMESTAMP.format(firstSync));
		assertThat(Instant.parse(filter.path("End").asString())).isAfter(firstSync);
		assertThat(sync(second, PRODUCTION, TOKYO).received()).isEqualTo(1);
		assertThat(sync(second, PRODUCTION, TOKYO).since()).isEqualTo(firstSync);
		assertThat(storedPerTarget()).containsEntry(PRODUCTION + "/" + TOKYO, 4L);
	}

	@Test
	void throttledCallsAreRetriedAndTheCollectionSucceeds() {
		aws.throttle("GetFindings", 2).throttle("GetEnabledStandards", 1).throttle("ListAccounts", 1);
		aws.findings(PRODUCTION, TOKYO, SampleFindings.s3Buckets(PRODUCTION, TOKYO, 3, Instant.now()));

		var summary = collector.collect(TEST);

		assertThat(aws.calls()).filteredOn(call -> call.status() == 400).hasSize(4);
		assertThat(summary.scopeProblem()).isNull();
		assertThat(summary.failures()).isEmpty();
		assertThat(summary.syncs()).hasSize(6);
		assertThat(storedPerTarget()).containsExactlyEntriesOf(Map.of(PRODUCTION + "/" + TOKYO, 3L));
		assertThat(summary.standards()).isEqualTo(TestOutcome.PASSED);
	}

	@Test
	void securityHubNotEnabledInOneRegionFailsFnd01NamingTheAccountAndRegion() {
		aws.securityHubNotEnabled(PRODUCTION, OSAKA);

		var summary = collector.collect(TEST);

		assertThat(summary.standards()).isEqualTo(TestOutcome.FAILED);
		var test = controlTests.history("FND-01", 1).getFirst();
		assertThat(test.outcome()).isEqualTo(TestOutcome.FAILED);
		assertThat(test.note()).contains("Security Hub is not enabled in 222222222222/ap-northeast-3")
			.doesNotContain(TOKYO);
		assertThat(test.by()).isEqualTo("system:collector");
		assertThat(sync(summary, PRODUCTION, OSAKA).status()).isEqualTo(ConnectionStatus.NOT_ENABLED);
		assertThat(aws.calls("GetFindings"))
			.noneMatch(call -> call.account().equals(PRODUCTION) && call.region().equals(OSAKA));
	}

	@Test
	void aMissingStandardIsNamedInTheFnd01Note() {
		aws.standards(PRODUCTION, TOKYO, LocalAws.FSBP);
		aws.standards(MANAGEMENT, OSAKA);

		var summary = collector.collect(TEST);

		assertThat(summary.standards()).isEqualTo(TestOutcome.FAILED);
		assertThat(controlTests.history("FND-01", 1).getFirst().note()).contains(
				"CIS is not enabled in 222222222222/ap-northeast-1",
				"FSBP and CIS are not enabled in 111111111111/ap-northeast-3");
	}

	@Test
	void fsbpAndCisEnabledEverywherePassesFnd01() {
		var summary = collector.collect(TEST);

		assertThat(summary.standards()).isEqualTo(TestOutcome.PASSED);
		var test = controlTests.history("FND-01", 1).getFirst();
		assertThat(test.outcome()).isEqualTo(TestOutcome.PASSED);
		assertThat(test.note()).contains("all 6 account-Regions", "333333333333/ap-northeast-3");
	}

	@Test
	void anOrganizationThatCannotBeListedIsAScopeProblemAndNothingElseIsCalled() {
		aws.deny(MANAGEMENT, "ListAccounts");

		var summary = collector.collect(TEST);

		assertThat(summary.scopeProblem()).contains("organizations:ListAccounts", "AccessDeniedException");
		assertThat(summary.syncs()).isEmpty();
		assertThat(aws.calls()).extracting(LocalAws.Call::operation).containsOnly("ListAccounts");
		assertThat(controlTests.history("FND-01", 1)).isEmpty();
	}

	static Map<String, ConnectionStatus> statusPerTarget(List<ConnectionResult> results) {
		return results.stream().collect(Collectors.toMap(r -> r.target().toString(), ConnectionResult::status));
	}

	static ConnectionResult result(List<ConnectionResult> results, String account, String region) {
		return results.stream()
			.filter(r -> r.target().toString().equals(account + "/" + region))
			.findFirst()
			.orElseThrow();
	}

	static TargetSync sync(CollectionSummary summary, String account, String region) {
		return summary.syncs()
			.stream()
			.filter(s -> s.target().toString().equals(account + "/" + region))
			.findFirst()
			.orElseThrow();
	}

	Map<String, Long> storedPerTarget() {
		return jdbc.sql("SELECT account_id, region, COUNT(*) AS n FROM finding GROUP BY account_id, region")
			.query((rs, row) -> Map.entry(rs.getString("account_id").strip() + "/" + rs.getString("region"),
					rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
