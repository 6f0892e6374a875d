package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerablePackage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inspector findings arriving through Security Hub, by the findings intake's channels:
 * the ASFF fixture (an Inspector package vulnerability as Security Hub stores it, built
 * from AWS's Inspector2 sample) and the OCSF one (the new Security Hub) become one item
 * per resource with the vulnerability's own fields; archived or resolved is fixed; the
 * same finding from Inspector2's API is the same item; other findings make none.
 */
@SpringBootTest(properties = "soc2ops.test.context=security-hub-inspector")
@Import(MovableClock.Configuration.class)
class SecurityHubInspectorFindingsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Actor ROBOT = Actor.system("test");

	@Autowired
	FindingsIntake findings;

	@Autowired
	VulnerabilityIntake inspector2;

	@Autowired
	Vulnerabilities vulnerabilities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	String account;

	@BeforeEach
	void referencePolicyInForce() {
		clock.set("2024-09-05T00:00:00Z");
		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2024, 1, 1)), events, transactions, jdbc);
		account = Fixtures.account();
	}

	@Test
	void anInspectorAsffFindingIsOneItemPerResourceWithItsVulnerability() {
		var finding = snapd();
		var second = ((ObjectNode) finding.get("Resources").get(0)).deepCopy();
		second.put("Id", "arn:aws:ec2:eu-central-1:" + account + ":instance/i-0fedcba9876543210");
		second.putObject("Tags").put("Team", "payments").put("env", "production");
		finding.withArray("Resources").add(second);
		((ObjectNode) finding.get("Vulnerabilities").get(0)).put("EpssScore", 0.00045);

		findings.accept(JSON.writeValueAsString(List.of(finding)), IntakeChannel.FILE, "file:inspector.json", ROBOT);

		var items = list();
		assertThat(items).hasSize(2);
		var first = items.stream().filter(v -> v.resourceId().equals("i-12345678901234567")).findFirst().orElseThrow();
		assertThat(first.findingArn()).isEqualTo(finding.get("Id").asString());
		assertThat(first.accountId()).isEqualTo(account);
		assertThat(first.region()).isEqualTo("eu-central-1");
		assertThat(first.resourceType()).isEqualTo("AwsEc2Instance");
		assertThat(first.kind()).isEqualTo(VulnerabilityKind.PACKAGE_VULNERABILITY);
		assertThat(first.severity()).isEqualTo(VulnerabilitySeverity.MEDIUM);
		assertThat(first.title()).isEqualTo("CVE-2024-29069 - snapd");
		assertThat(first.cve()).isEqualTo("CVE-2024-29069");
		assertThat(first.packages()).containsExactly(new VulnerablePackage("snapd", "2.63", "0:2.63+22.04ubuntu0.1"));
		assertThat(first.cvssScore()).isEqualTo(4.8);
		assertThat(first.epssScore()).isEqualTo(0.00045);
		assertThat(first.inspectorState()).isEqualTo(InspectorState.ACTIVE);
		assertThat(first.sources()).containsExactly(VulnerabilitySource.SECURITY_HUB);
		assertThat(first.firstObservedAt()).isEqualTo("2024-09-04T16:59:44.356Z");
		assertThat(first.startedAt()).isEqualTo("2024-09-04T16:59:44.356Z");
		assertThat(first.dueAt()).isEqualTo(Instant.parse("2024-09-04T16:59:44.356Z").plus(Duration.ofDays(30)));
		assertThat(first.team()).isNull();
		var other = items.stream().filter(v -> v.resourceId().equals("i-0fedcba9876543210")).findFirst().orElseThrow();
		assertThat(other.team()).isEqualTo("payments");
		assertThat(other.resourceTags()).isEqualTo(Map.of("Team", "payments", "env", "production"));
	}

	@Test
	void archivedOrResolvedInSecurityHubIsFixedWhenSecurityHubSaidSo() {
		var finding = snapd();
		findings.accept(JSON.writeValueAsString(List.of(finding)), IntakeChannel.API, "api", ROBOT);
		var archived = snapd();
		archived.put("Id", finding.get("Id").asString());
		archived.put("UpdatedAt", "2024-09-20T09:00:00.000Z");
		archived.put("RecordState", "ARCHIVED");
		var resolved = snapd();
		resolved.put("UpdatedAt", "2024-09-21T09:00:00.000Z");
		resolved.putObject("Workflow").put("Status", "RESOLVED");
		findings.accept(JSON.writeValueAsString(List.of(resolved)), IntakeChannel.API, "api", ROBOT);
		clock.set("2024-10-01T00:00:00Z");

		findings.accept(JSON.writeValueAsString(List.of(archived)), IntakeChannel.API, "api", ROBOT);

		var byFinding = list().stream().collect(java.util.stream.Collectors.toMap(Vulnerability::findingArn, v -> v));
		assertThat(byFinding.get(finding.get("Id").asString()).fixedAt()).isEqualTo("2024-09-20T09:00:00Z");
		assertThat(byFinding.get(resolved.get("Id").asString()).status()).isEqualTo(VulnerabilityStatus.FIXED);
		assertThat(byFinding.get(resolved.get("Id").asString()).fixedAt()).isEqualTo("2024-09-21T09:00:00Z");
	}

	@Test
	void anEventBridgeEventOfAnInspectorFindingMakesItsItemToo() {
		var finding = snapd();
		var envelope = JSON.createObjectNode();
		envelope.put("version", "0");
		envelope.put("id", "5f1e2d3c-0000-4000-8000-" + account);
		envelope.put("detail-type", "Security Hub Findings - Imported");
		envelope.put("source", "aws.securityhub");
		envelope.put("account", account);
		envelope.put("time", "2024-09-04T17:00:40Z");
		envelope.put("region", "eu-central-1");
		envelope.putArray("resources").add(finding.get("Id").asString());
		envelope.putObject("detail").putArray("findings").add(finding);

		findings.accept(JSON.writeValueAsString(envelope), IntakeChannel.WEBHOOK, "eventbridge", ROBOT);

		assertThat(list()).singleElement().satisfies(v -> assertThat(v.cve()).isEqualTo("CVE-2024-29069"));
	}

	@Test
	void anOcsfInspectorFindingIsAnItemToo() {
		var finding = fixture("ocsf-inspector-cve-http2.json");
		finding.withObject("cloud").withObject("account").put("uid", account);
		finding.withObject("finding_info")
			.put("uid", "arn:aws:inspector2:us-east-2:" + account + ":finding/7" + account + "abcdef0123456789");
		var resource = (ObjectNode) finding.get("resources").get(0);
		resource.putArray("tags").addObject().put("name", "team").put("value", "platform");
		((ObjectNode) finding.get("vulnerabilities").get(0).get("cve")).putObject("epss").put("score", 0.94);

		findings.accept(JSON.writeValueAsString(List.of(finding)), IntakeChannel.API, "api", ROBOT);

		assertThat(list()).singleElement().satisfies(v -> {
			assertThat(v.resourceId()).isEqualTo("i-0abcdef1234567890");
			assertThat(v.resourceType()).isEqualTo("AwsEc2Instance");
			assertThat(v.region()).isEqualTo("us-east-2");
			assertThat(v.severity()).isEqualTo(VulnerabilitySeverity.HIGH);
			assertThat(v.cve()).isEqualTo("CVE-2023-44487");
			assertThat(v.packages()).containsExactly(new VulnerablePackage("golang.org/x/net", "v0.1.0", "0.17.0"));
			assertThat(v.cvssScore()).isEqualTo(7.5);
			assertThat(v.epssScore()).isEqualTo(0.94);
			assertThat(v.team()).isEqualTo("platform");
			assertThat(v.firstObservedAt()).isEqualTo("2026-05-29T17:28:07.919Z");
		});
	}

	@Test
	void securityHubAndInspector2NameTheSameInstanceAsOneItem() {
		var finding = snapd();
		findings.accept(JSON.writeValueAsString(List.of(finding)), IntakeChannel.API, "api", ROBOT);
		var fromApi = new ObservedVulnerability(finding.get("Id").asString(), account, "eu-central-1",
				"i-12345678901234567", "AWS_EC2_INSTANCE", Map.of("team", "mobile"),
				VulnerabilityKind.PACKAGE_VULNERABILITY, VulnerabilitySeverity.HIGH, "CVE-2024-29069 - snapd",
				"CVE-2024-29069", List.of(new VulnerablePackage("snapd", "2.63", "0:2.63+22.04ubuntu0.1")), 4.8, 0.0004,
				InspectorState.ACTIVE, Instant.parse("2024-09-04T16:59:44.356Z"), Instant.parse("2024-09-05T10:00:00Z"),
				Instant.parse("2024-09-05T10:00:00Z"));

		inspector2.observed(List.of(fromApi));

		assertThat(list()).singleElement().satisfies(v -> {
			assertThat(v.sources()).containsExactlyInAnyOrder(VulnerabilitySource.SECURITY_HUB,
					VulnerabilitySource.INSPECTOR2);
			assertThat(v.severity()).isEqualTo(VulnerabilitySeverity.HIGH);
			assertThat(v.team()).isEqualTo("mobile");
		});
	}

	@Test
	void findingsOfOtherProductsMakeNoItems() {
		long before = jdbc.sql("SELECT COUNT(*) FROM vulnerability").query(Long.class).single();

		findings.accept(
				JSON.writeValueAsString(List.of(fixture("guardduty-ssh-brute-force.json"),
						fixture("fsbp-s3.8-failed.json"), fixture("cis-1.2-unused-credentials.json"))),
				IntakeChannel.FILE, "file:others.json", ROBOT);

		assertThat(jdbc.sql("SELECT COUNT(*) FROM vulnerability").query(Long.class).single()).isEqualTo(before);
	}

	/** The ASFF fixture in this test's account, with a finding ID of its own. */
	private ObjectNode snapd() {
		var finding = fixture("inspector-cve-snapd.json");
		finding.put("AwsAccountId", account);
		finding.put("Id", Fixtures.findingArn(account).replace(Fixtures.REGION, "eu-central-1"));
		((ObjectNode) finding.get("Resources").get(0)).put("Id",
				"arn:aws:ec2:eu-central-1:" + account + ":instance/i-12345678901234567");
		return finding;
	}

	private List<Vulnerability> list() {
		return vulnerabilities.list(new VulnerabilityFilter(null, null, account, null), 1, 500).items();
	}

	static ObjectNode fixture(String name) {
		try (var in = new ClassPathResource("findings/" + name).getInputStream()) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
