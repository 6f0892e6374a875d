package io.soc2ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.aws.Environment;
import io.soc2ops.aws.Region;
import io.soc2ops.catalog.CriterionReadiness;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.ReadinessStatus;
import io.soc2ops.evidence.ChainVerification;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.PostureSnapshots;
import io.soc2ops.findings.SnapshotSource;
import io.soc2ops.findings.FindingDetail;
import io.soc2ops.findings.FindingFormat;
import io.soc2ops.findings.FindingKey;
import io.soc2ops.findings.Findings;
import io.soc2ops.findings.SecurityHubPosture;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.RiskAcceptance;
import io.soc2ops.vulnerabilities.RiskAcceptances;
import io.soc2ops.vulnerabilities.Vulnerabilities;
import io.soc2ops.vulnerabilities.Vulnerability;
import io.soc2ops.vulnerabilities.VulnerabilityFilter;
import io.soc2ops.vulnerabilities.VulnerabilityStatus;

@SpringBootTest(properties = "soc2ops.demo.enabled=true")
class DemoOrganisationTests {

	@Autowired
	AwsAccounts accounts;

	@Autowired
	Readiness readiness;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	DemoOrganisation demo;

	@Autowired
	PostureSnapshots snapshots;

	@Autowired
	Findings findings;

	@Autowired
	SecurityHubPosture posture;

	@Autowired
	Vulnerabilities vulnerabilities;

	@Autowired
	RiskAcceptances exceptions;

	@Test
	void aFictionalCompanyWithThreeAccountsInTokyoAndOsaka() {
		assertThat(accounts.all()).extracting(a -> a.environment())
			.containsExactlyInAnyOrder(Environment.MANAGEMENT, Environment.PRODUCTION, Environment.STAGING);
		assertThat(accounts.all()).allSatisfy(a -> assertThat(a.regions()).containsExactly(new Region("ap-northeast-1"),
				new Region("ap-northeast-3")));
	}

	@Test
	void theReadinessMapShowsEveryStatus() {
		assertThat(readiness.map()).extracting(CriterionReadiness::status)
			.contains(ReadinessStatus.PASSING, ReadinessStatus.FAILING, ReadinessStatus.NEEDS_EVIDENCE,
					ReadinessStatus.NO_DATA);
	}

	@Test
	void criteriaFailBecauseOfTheSecurityHubControlsTheDemoFindingsFail() {
		var boundary = readiness.criterion(io.soc2ops.catalog.CriterionId.of("CC6.6")).orElseThrow();
		assertThat(boundary.status()).isEqualTo(ReadinessStatus.FAILING);
		assertThat(boundary.failingSecurityHubControls()).extracting(c -> c.id()).contains("S3.8", "EC2.13");
		assertThat(boundary.checkResult("S3.8").orElseThrow().failingResources()).isEqualTo(2);
		assertThat(boundary.checkResult("S3.8").orElseThrow().passingResources()).isEqualTo(2);
	}

	@Test
	void itShowsNinetyDaysOfPostureDrawnFromItsFindingsHistoryAsDemoData() {
		var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		var days = readiness.replay(today.minusDays(89), today);

		assertThat(days).hasSize(90).allSatisfy(day -> assertThat(day.recorded()).as(day.day().toString()).isTrue());
		assertThat(snapshots.on(today.minusDays(1)).orElseThrow().source()).isEqualTo(SnapshotSource.DEMO);
		assertThat(snapshots.on(today.minusDays(89)).orElseThrow().source()).isEqualTo(SnapshotSource.DEMO);
		// production buckets public until 61 days ago, a staging bucket in Osaka until
		// 25,
		// two staging buckets in Tokyo from 12 days ago
		assertThat(java.util.stream.Stream.of(80, 50, 30, 5)
			.map(daysAgo -> days.get(89 - daysAgo).failingResources("S3.8").orElseThrow()))
			.containsExactly(2L, 0L, 1L, 2L);
		var boundary = io.soc2ops.catalog.CriterionId.of("CC6.1");
		assertThat(days.stream().map(day -> day.status(boundary).orElseThrow()).distinct().count())
			.as("CC6.1 changes status over the 90 days")
			.isGreaterThan(1);
	}

	@Test
	void theDemoFindingsMixAsffAndOcsfAndAFindingInBothCountsOnce() {
		var iam3 = findings.find(new FindingKey(
				"arn:aws:securityhub:ap-northeast-1:444455556666:security-control/IAM.3/finding/e32a14bf-7ab4-5ef5-3af7-716f8cc4b00a",
				"arn:aws:securityhub:ap-northeast-1::product/aws/securityhub")
			.digest());
		var guardDuty = findings.find(new FindingKey(
				"arn:aws:guardduty:ap-northeast-3:444455556666:detector/c4e2a7f19b3d5e8a0c6f2b4d7e9a1c3f/finding/7a9c1e3f5b7d9f1a3c5e7a9c1e3f5b7d",
				"arn:aws:securityhub:ap-northeast-3::product/aws/guardduty")
			.digest());

		assertThat(iam3).map(FindingDetail::format).hasValue(FindingFormat.OCSF);
		assertThat(guardDuty).map(FindingDetail::format).hasValue(FindingFormat.OCSF);
		assertThat(posture.results().get("IAM.3").failingResources()).isEqualTo(1);
	}

	@Test
	void itIsLoadedThroughTheLedgerAndOnlyOnce() throws Exception {
		long entries = ledger.size();
		assertThat(entries).isGreaterThan(30);

		demo.run(new DefaultApplicationArguments());

		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(accounts.all()).hasSize(3);
		assertThat(ledger.verify()).isInstanceOf(ChainVerification.Intact.class);
	}

	@Test
	void itsInspectorFindingsAreVulnerabilitiesInEveryStateUnderTheApprovedPolicy() {
		var items = vulnerabilities.list(VulnerabilityFilter.ALL, 1, 500).items();

		assertThat(items).hasSize(23);
		assertThat(items).extracting(Vulnerability::accountId)
			.containsOnly("111122223333", "444455556666", "777788889999");
		assertThat(items).extracting(Vulnerability::team).containsOnly("platform", "payments");
		assertThat(items).filteredOn(item -> "CVE-2024-6387".equals(item.cve())).hasSize(5);
		assertThat(items).extracting(Vulnerability::kind).contains(VulnerabilityKind.NETWORK_REACHABILITY);
		assertThat(items).filteredOn(item -> item.kind() == VulnerabilityKind.CODE_VULNERABILITY)
			.singleElement()
			.satisfies(code -> assertThat(code.resourceType()).isEqualTo("AwsLambdaFunction"));
		assertThat(items).filteredOn(item -> item.dueAt() != null)
			.hasSize(22)
			.allSatisfy(item -> assertThat(item.policyVersion()).isEqualTo(1));
		var fixed = items.stream().filter(item -> item.status() == VulnerabilityStatus.FIXED).toList();
		assertThat(fixed).filteredOn(item -> !item.fixedAt().isAfter(item.dueAt()))
			.as("fixed within the SLA")
			.hasSize(5);
		assertThat(fixed).filteredOn(item -> item.fixedAt().isAfter(item.dueAt())).as("fixed late").hasSize(3);
		assertThat(items).filteredOn(item -> item.status() == VulnerabilityStatus.OVERDUE).hasSize(6);
		assertThat(items).filteredOn(item -> item.status() == VulnerabilityStatus.OPEN).hasSize(8);
		assertThat(items).filteredOn(item -> item.status() == VulnerabilityStatus.EXCEPTED)
			.singleElement()
			.satisfies(excepted -> assertThat(excepted.cve()).isEqualTo(DemoVulnerabilities.EXCEPTED_CVE));
	}

	@Test
	void oneExceptionWasGrantedByTheApproverAndOneWaitsForHer() {
		var granted = exceptions.list(RiskAcceptance.State.APPROVED, 10);
		var waiting = exceptions.list(RiskAcceptance.State.REQUESTED, 10);

		assertThat(granted).singleElement().satisfies(exception -> {
			assertThat(exception.requestedBy()).isEqualTo("user:" + DemoResponders.SECURITY_ENGINEER);
			assertThat(exception.decidedBy()).isEqualTo("user:" + DemoPolicies.APPROVER);
			assertThat(ledger.about(exception.subject(), 10)).extracting(e -> e.action())
				.containsExactly("vulnerability-exception.approved", "vulnerability-exception.requested");
		});
		assertThat(waiting).singleElement()
			.satisfies(exception -> assertThat(exception.requestedBy()).isEqualTo("user:" + DemoResponders.SRE));
	}

	@Test
	void itsBreachesAndWhatIsDueSoonWereFlaggedOnceItLoaded() {
		var flagged = ledger.withAction("vulnerability-notification:", "vulnerability-notification.breach-flagged",
				java.time.LocalDate.of(2100, 1, 1));

		assertThat(flagged).singleElement()
			.satisfies(entry -> assertThat(entry.payload()).contains("\"count\":6")
				.contains("\"teams\":[\"payments\",\"platform\"]"));
		assertThat(ledger.withAction("vulnerability-notification:", "vulnerability-notification.due-soon-flagged",
				java.time.LocalDate.of(2100, 1, 1)))
			.singleElement()
			.satisfies(entry -> assertThat(entry.payload()).contains("\"count\":2"));
	}

}
