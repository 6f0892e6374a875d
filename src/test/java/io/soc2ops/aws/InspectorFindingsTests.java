package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleInspectorFindings;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerablePackage;
import software.amazon.awssdk.services.inspector2.model.CvssScore;
import software.amazon.awssdk.services.inspector2.model.Finding;
import software.amazon.awssdk.services.inspector2.model.PackageVulnerabilityDetails;
import software.amazon.awssdk.services.inspector2.model.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspector findings as the real SDK reads them from the local endpoint's
 * {@code ListFindings}, mapped to one vulnerability per finding and resource: each kind,
 * the CVSS score chosen, UNTRIAGED, no fix, two resources; and what the request asks for.
 */
class InspectorFindingsTests {

	static final String ACCOUNT = "444455556666";

	static final String TOKYO = "ap-northeast-1";

	static final AccountRegion TARGET = new AccountRegion(new AccountId(ACCOUNT), new Region(TOKYO));

	static final Instant UPDATED = Instant.parse("2026-11-27T09:00:00.250Z");

	static final Instant READ = Instant.parse("2026-11-28T00:00:00Z");

	static final LocalAws aws = LocalAws.start();

	AwsClients clients;

	InspectorReads reads;

	@BeforeEach
	void clients() {
		aws.reset();
		clients = new AwsClients(LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.SINGLE_ACCOUNT, TOKYO),
				LocalSettings.credentials(ACCOUNT));
		reads = new InspectorReads(clients);
	}

	@AfterEach
	void close() {
		clients.close();
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void aPackageVulnerabilityOnAnInstanceCarriesItsCveCvssEpssPackagesAndTags() {
		aws.inspectorFindings(ACCOUNT, TOKYO,
				List.of(SampleInspectorFindings.packageVulnerability(ACCOUNT, TOKYO, 7, "ACTIVE", UPDATED)));

		var vulnerability = read().getFirst();

		assertThat(vulnerability.findingArn())
			.matches("arn:aws:inspector2:ap-northeast-1:444455556666:finding/[a-f0-9]{32}");
		assertThat(vulnerability.accountId()).isEqualTo(ACCOUNT);
		assertThat(vulnerability.region()).isEqualTo(TOKYO);
		assertThat(vulnerability.resourceId()).isEqualTo(SampleInspectorFindings.instance(7));
		assertThat(vulnerability.resourceType()).isEqualTo("AWS_EC2_INSTANCE");
		assertThat(vulnerability.resourceTags()).isEqualTo(Map.of("Name", "web-7", "team", "payments"));
		assertThat(vulnerability.kind()).isEqualTo(VulnerabilityKind.PACKAGE_VULNERABILITY);
		assertThat(vulnerability.severity()).isEqualTo(VulnerabilitySeverity.HIGH);
		assertThat(vulnerability.title()).isEqualTo("CVE-2023-38545 - curl, libcurl4");
		assertThat(vulnerability.cve()).isEqualTo("CVE-2023-38545");
		assertThat(vulnerability.packages()).containsExactly(
				new VulnerablePackage("curl", "7.81.0", "0:7.81.0-1ubuntu1.14"),
				new VulnerablePackage("libcurl4", "7.81.0", null));
		// Ubuntu's own score, since the finding's data comes from UBUNTU_CVE; not NVD's
		// 9.8
		assertThat(vulnerability.cvssScore()).isEqualTo(8.1);
		assertThat(vulnerability.epssScore()).isEqualTo(0.26483);
		assertThat(vulnerability.state()).isEqualTo(InspectorState.ACTIVE);
		assertThat(vulnerability.firstObservedAt()).isEqualTo(SampleInspectorFindings.FIRST_OBSERVED);
		assertThat(vulnerability.lastObservedAt()).isEqualTo(UPDATED);
		assertThat(vulnerability.updatedAt()).isEqualTo(UPDATED);
	}

	@Test
	void aFindingOnTwoInstancesIsTwoVulnerabilitiesUntriagedAsInformationalWithTheNewestCvssVersion() {
		aws.inspectorFindings(ACCOUNT, TOKYO, List.of(SampleInspectorFindings.onTwoInstances(ACCOUNT, TOKYO, UPDATED)));

		var vulnerabilities = read();

		assertThat(vulnerabilities).hasSize(2);
		assertThat(vulnerabilities).extracting(ObservedVulnerability::resourceId)
			.containsExactly(SampleInspectorFindings.instance(101), SampleInspectorFindings.instance(102));
		assertThat(vulnerabilities).extracting(ObservedVulnerability::findingArn)
			.containsOnly(SampleInspectorFindings.arn(ACCOUNT, TOKYO, "libxml2"));
		assertThat(vulnerabilities).extracting(ObservedVulnerability::resourceTags)
			.containsExactly(Map.of("team", "platform"), Map.of());
		assertThat(vulnerabilities).allSatisfy(vulnerability -> {
			assertThat(vulnerability.severity()).isEqualTo(VulnerabilitySeverity.INFORMATIONAL);
			assertThat(vulnerability.cve()).isEqualTo("CVE-2022-49043");
			// no score from DEBIAN_CVE: NVD's CVSS 3.1 (8.1) before its 2.0 (9.3)
			assertThat(vulnerability.cvssScore()).isEqualTo(8.1);
			assertThat(vulnerability.epssScore()).isNull();
			assertThat(vulnerability.packages()).containsExactly(new VulnerablePackage("libxml2", "2.9.14+dfsg", null));
		});
	}

	@Test
	void aNetworkReachabilityFindingHasNoCveNorPackages() {
		aws.inspectorFindings(ACCOUNT, TOKYO,
				List.of(SampleInspectorFindings.networkReachability(ACCOUNT, TOKYO, UPDATED)));

		var vulnerability = read().getFirst();

		assertThat(vulnerability.kind()).isEqualTo(VulnerabilityKind.NETWORK_REACHABILITY);
		assertThat(vulnerability.severity()).isEqualTo(VulnerabilitySeverity.MEDIUM);
		assertThat(vulnerability.title()).isEqualTo("Port 22 is reachable from an Internet Gateway - TCP");
		assertThat(vulnerability.resourceId()).isEqualTo(SampleInspectorFindings.instance(201));
		assertThat(vulnerability.cve()).isNull();
		assertThat(vulnerability.packages()).isEmpty();
		assertThat(vulnerability.cvssScore()).isNull();
		assertThat(vulnerability.epssScore()).isNull();
	}

	@Test
	void aCodeVulnerabilityInALambdaFunctionKeepsItsStatus() {
		aws.inspectorFindings(ACCOUNT, TOKYO,
				List.of(SampleInspectorFindings.codeVulnerability(ACCOUNT, TOKYO, UPDATED)));

		var vulnerability = read().getFirst();

		assertThat(vulnerability.kind()).isEqualTo(VulnerabilityKind.CODE_VULNERABILITY);
		assertThat(vulnerability.resourceType()).isEqualTo("AWS_LAMBDA_FUNCTION");
		assertThat(vulnerability.resourceId())
			.isEqualTo("arn:aws:lambda:ap-northeast-1:444455556666:function:orders-api:$LATEST");
		assertThat(vulnerability.resourceTags()).containsEntry("team", "orders");
		assertThat(vulnerability.severity()).isEqualTo(VulnerabilitySeverity.HIGH);
		assertThat(vulnerability.title()).isEqualTo("CWE-117,93 - Log injection");
		assertThat(vulnerability.cve()).isNull();
		assertThat(vulnerability.state()).isEqualTo(InspectorState.SUPPRESSED);
	}

	@Test
	void everyStatusIsAskedForByNameAndOnlyTheAccountsOwnFindings() {
		aws.inspectorFindings(ACCOUNT, TOKYO,
				List.of(SampleInspectorFindings.packageVulnerability(ACCOUNT, TOKYO, 1, "ACTIVE", UPDATED),
						SampleInspectorFindings.packageVulnerability(ACCOUNT, TOKYO, 2, "SUPPRESSED", UPDATED),
						SampleInspectorFindings.packageVulnerability(ACCOUNT, TOKYO, 3, "CLOSED", UPDATED),
						// a member's finding, as a delegated administrator's list holds
						// them
						SampleInspectorFindings.packageVulnerability("777788889999", TOKYO, 4, "ACTIVE", UPDATED)));

		var vulnerabilities = read();

		assertThat(vulnerabilities).extracting(ObservedVulnerability::state)
			.containsExactly(InspectorState.ACTIVE, InspectorState.SUPPRESSED, InspectorState.CLOSED);
		var request = JsonMapper.builder().build().readTree(aws.calls("ListFindings").getFirst().body());
		assertThat(request.path("maxResults").asInt()).isEqualTo(100);
		assertThat(request.path("filterCriteria")
			.path("findingStatus")
			.valueStream()
			.map(filter -> filter.path("comparison").asString() + " " + filter.path("value").asString())
			.toList()).containsExactly("EQUALS ACTIVE", "EQUALS SUPPRESSED", "EQUALS CLOSED");
		assertThat(request.path("filterCriteria").path("awsAccountId").path(0).path("value").asString())
			.isEqualTo(ACCOUNT);
	}

	@Test
	void theAccountStatusSaysWhetherInspectorIsOn() {
		aws.inspectorNotEnabled(ACCOUNT, "ap-northeast-3");

		assertThat(reads.accountStatus(TARGET).enabled()).isTrue();
		var osaka = reads.accountStatus(new AccountRegion(new AccountId(ACCOUNT), new Region("ap-northeast-3")));
		assertThat(osaka.enabled()).isFalse();
		assertThat(osaka.status()).isEqualTo("DISABLED");
	}

	@Test
	void theCvssScoreOfTheFindingsSourceComesFirstThenTheNewestVersion() {
		assertThat(score("UBUNTU_CVE", cvss("NVD", "3.1", 9.8), cvss("UBUNTU_CVE", "3.1", 7.5))).isEqualTo(7.5);
		assertThat(score("NVD", cvss("NVD", "2.0", 10.0), cvss("NVD", "3.1", 7.5))).isEqualTo(7.5);
		assertThat(score("DEBIAN_CVE", cvss("NVD", "2.0", 10.0), cvss("NVD", "3.1", 7.5))).isEqualTo(7.5);
		assertThat(score("DEBIAN_CVE", cvss("NVD", "3.0", 6.1), cvss("GITHUB", "3.1", 5.3), cvss("NVD", "3.1", 5.9)))
			.isEqualTo(5.9);
		assertThat(score("NVD")).isNull();
	}

	@Test
	void aTypeSoc2opsDoesNotKnowIsRefusedNamingTheFindingAndField() {
		var finding = Finding.builder()
			.findingArn("arn:aws:inspector2:ap-northeast-1:444455556666:finding/0123456789abcdef0123456789abcdef")
			.awsAccountId(ACCOUNT)
			.type("MALWARE")
			.severity("HIGH")
			.status("ACTIVE")
			.resources(Resource.builder().type("AWS_EC2_INSTANCE").id("i-1").build())
			.build();

		assertThatThrownBy(() -> InspectorFindings.observed(finding, TARGET, READ))
			.isInstanceOf(InspectorFindings.Unmappable.class)
			.hasMessageContaining("finding/0123456789abcdef0123456789abcdef")
			.hasMessageContaining("type 'MALWARE'");
	}

	private List<ObservedVulnerability> read() {
		var vulnerabilities = new ArrayList<ObservedVulnerability>();
		for (var page : reads.findings(TARGET, 100)) {
			for (var finding : page) {
				vulnerabilities.addAll(InspectorFindings.observed(finding, TARGET, READ));
			}
		}
		return vulnerabilities;
	}

	private static Double score(String source, CvssScore... scores) {
		var details = PackageVulnerabilityDetails.builder()
			.vulnerabilityId("CVE-2026-0001")
			.source(source)
			.cvss(scores)
			.build();
		return InspectorFindings.cvssScore(details).map(CvssScore::baseScore).orElse(null);
	}

	private static CvssScore cvss(String source, String version, double score) {
		return CvssScore.builder().source(source).version(version).baseScore(score).scoringVector("-").build();
	}

}
