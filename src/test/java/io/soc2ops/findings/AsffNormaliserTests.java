package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;

import io.soc2ops.catalog.Catalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One ASFF finding in, one normalised finding out: what each field becomes, where the
 * format lets older findings leave fields out, and which broken input is refused with the
 * field named.
 */
class AsffNormaliserTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static AsffNormaliser normaliser;

	@BeforeAll
	static void loadShippedCatalog() {
		// the catalog's constructors belong to its module: load it as the application
		// does, from classpath:catalog/
		try (var context = new AnnotationConfigApplicationContext(Catalog.class)) {
			normaliser = new AsffNormaliser(context.getBean(Catalog.class));
		}
	}

	@Test
	void normalisesAConsolidatedFsbpControlFinding() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"));

		assertThat(finding.key()).isEqualTo(new FindingKey(
				"arn:aws:securityhub:ap-northeast-1:123456789012:security-control/S3.8/finding/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
				"arn:aws:securityhub:ap-northeast-1::product/aws/securityhub"));
		assertThat(finding.format()).isEqualTo(FindingFormat.ASFF);
		assertThat(finding.accountId()).isEqualTo("123456789012");
		assertThat(finding.region()).isEqualTo("ap-northeast-1");
		assertThat(finding.productName()).isEqualTo("Security Hub");
		assertThat(finding.generatorId()).isEqualTo("security-control/S3.8");
		assertThat(finding.title()).isEqualTo("S3 general purpose buckets should block public access");
		assertThat(finding.severity()).isEqualTo(Severity.HIGH);
		assertThat(finding.types()).containsExactly(
				"Software and Configuration Checks/Industry and Regulatory Standards", "Effects/Data Exposure");
		assertThat(finding.securityControlId()).isEqualTo("S3.8");
		assertThat(finding.compliance()).isEqualTo(ComplianceStatus.FAILED);
		assertThat(finding.recordState()).isEqualTo(RecordState.ACTIVE);
		assertThat(finding.workflowStatus()).isEqualTo(WorkflowStatus.NEW);
		assertThat(finding.resources())
			.containsExactly(new AffectedResource("AwsS3Bucket", "arn:aws:s3:::example-invoices", "ap-northeast-1"));
		assertThat(finding.firstObservedAt()).isEqualTo(Instant.parse("2026-11-20T08:12:03.416Z"));
		assertThat(finding.lastObservedAt()).isEqualTo(Instant.parse("2026-11-28T08:12:09.754Z"));
		assertThat(finding.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:12:03.416Z"));
		assertThat(finding.updatedAt()).isEqualTo(Instant.parse("2026-11-28T08:11:58.972Z"));
		assertThat(finding.failing()).isTrue();
	}

	@Test
	void resolvesALegacyCisFindingToItsSecurityHubControlThroughTheCatalog() {
		var finding = normalise(fixture("cis-1.2-unused-credentials.json"));

		assertThat(finding.generatorId())
			.isEqualTo("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.3");
		assertThat(finding.securityControlId()).isEqualTo("IAM.8");
		assertThat(finding.key().id()).isEqualTo(
				"arn:aws:securityhub:us-east-1:111111111111:subscription/cis-aws-foundations-benchmark/v/1.2.0/1.3/finding/6e842abe-6cbf-4bc1-aa55-3b2ae63aabd6");
		assertThat(finding.accountId()).isEqualTo("111111111111");
		// no top-level Region or ProductName in findings this old
		assertThat(finding.region()).isEqualTo("us-east-1");
		assertThat(finding.productName()).isEqualTo("Security Hub");
		assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
		assertThat(finding.compliance()).isEqualTo(ComplianceStatus.WARNING);
		assertThat(finding.failing()).isFalse();
		assertThat(finding.resource())
			.isEqualTo(new AffectedResource("AwsAccount", "AWS::::Account:111111111111", "us-east-1"));
		assertThat(finding.createdAt()).isEqualTo(Instant.parse("2020-05-08T03:41:48.614Z"));
		assertThat(finding.updatedAt()).isEqualTo(Instant.parse("2020-05-27T03:37:35.834Z"));
	}

	@Test
	void normalisesAGuardDutyFindingAsPublished() {
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"));

		assertThat(finding.key().productArn()).isEqualTo("arn:aws:securityhub:us-east-1::product/aws/guardduty");
		assertThat(finding.accountId()).isEqualTo("193043430472");
		assertThat(finding.region()).isEqualTo("us-east-1");
		assertThat(finding.productName()).isEqualTo("GuardDuty");
		assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
		assertThat(finding.types()).containsExactly("TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce");
		assertThat(finding.securityControlId()).isNull();
		assertThat(finding.compliance()).isNull();
		assertThat(finding.failing()).isFalse();
		assertThat(finding.resources()).containsExactly(new AffectedResource("AwsEc2Instance",
				"arn:aws:ec2:us-east-1:193043430472:instance/i-0c10c2c7863d1a356", "us-east-1"));
		assertThat(finding.firstObservedAt()).isEqualTo(Instant.parse("2020-08-22T09:15:57Z"));
		assertThat(finding.lastObservedAt()).isEqualTo(Instant.parse("2020-09-30T11:56:49Z"));
		assertThat(finding.createdAt()).isEqualTo(Instant.parse("2020-08-22T09:34:34.146Z"));
		assertThat(finding.updatedAt()).isEqualTo(Instant.parse("2020-09-30T12:14:00.206Z"));
	}

	@Test
	void normalisesAnInspectorFinding() {
		var finding = normalise(fixture("inspector-cve-snapd.json"));

		assertThat(finding.key().id())
			.isEqualTo("arn:aws:inspector2:eu-central-1:123456789012:finding/0f1e2d3c4b5a69788796a5b4c3d2e1f0");
		assertThat(finding.region()).isEqualTo("eu-central-1");
		assertThat(finding.productName()).isEqualTo("Inspector");
		assertThat(finding.generatorId()).isEqualTo("AWSInspector");
		assertThat(finding.title()).isEqualTo("CVE-2024-29069 - snapd");
		assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
		assertThat(finding.securityControlId()).isNull();
		assertThat(finding.resource().id())
			.isEqualTo("arn:aws:ec2:eu-central-1:123456789012:instance/i-12345678901234567");
	}

	@Test
	void keepsTheFindingAsReceived() {
		var asff = fixture("guardduty-ssh-brute-force.json");
		String raw = JSON.writeValueAsString(asff);

		assertThat(normaliser.normalise(asff, raw).raw()).isSameAs(raw);
	}

	@Test
	void theTopLevelRegionWinsOverTheResourceRegion() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> {
			f.put("Region", "eu-west-1");
			resource(f, 0).put("Region", "us-west-2");
		});

		assertThat(finding.region()).isEqualTo("eu-west-1");
		assertThat(finding.resource().region()).isEqualTo("us-west-2");
	}

	@Test
	void withoutAnyRegionTheRegionComesFromTheProductArn() {
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"), f -> {
			f.remove("Region");
			resource(f, 0).remove("Region");
			f.put("ProductArn", "arn:aws:securityhub:sa-east-1::product/aws/guardduty");
		});

		assertThat(finding.region()).isEqualTo("sa-east-1");
		assertThat(finding.resource().region()).isNull();
	}

	@Test
	void aProductArnWithoutRegionGivesAGlobalFinding() {
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"), f -> {
			resource(f, 0).remove("Region");
			f.put("ProductArn", "arn:aws:securityhub:::product/aws/guardduty");
		});

		assertThat(finding.region()).isEqualTo("global");
	}

	@ParameterizedTest(name = "{0} is called {1}")
	@CsvSource({ "arn:aws:securityhub:us-east-1::product/aws/securityhub, Security Hub",
			"arn:aws:securityhub:us-east-1::product/aws/guardduty, GuardDuty",
			"arn:aws:securityhub:us-east-1::product/aws/inspector, Inspector",
			"arn:aws:securityhub:us-east-1::product/aws/macie, Macie",
			"arn:aws:securityhub:us-east-1::product/aws/access-analyzer, IAM Access Analyzer",
			"arn:aws:securityhub:us-east-1::product/aws/config, Config",
			"arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default, default" })
	void withoutProductNameTheNameComesFromTheProductArn(String productArn, String name) {
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"), f -> f.put("ProductArn", productArn));

		assertThat(finding.productName()).isEqualTo(name);
	}

	@Test
	void productNameWinsOverTheProductArn() {
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"),
				f -> f.put("ProductName", "Security Hub CSPM"));

		assertThat(finding.productName()).isEqualTo("Security Hub CSPM");
	}

	@Test
	void theSeverityLabelWinsOverNormalized() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> severity(f).put("Normalized", 10));

		assertThat(finding.severity()).isEqualTo(Severity.HIGH);
	}

	@ParameterizedTest(name = "Normalized {0} is {1}")
	@CsvSource({ "0, INFORMATIONAL", "1, LOW", "39, LOW", "40, MEDIUM", "69, MEDIUM", "70, HIGH", "89, HIGH",
			"90, CRITICAL", "100, CRITICAL" })
	void withoutLabelTheSeverityFollowsTheDocumentedNormalizedRanges(int normalized, Severity expected) {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> {
			severity(f).remove("Label");
			severity(f).put("Normalized", normalized);
		});

		assertThat(finding.severity()).isEqualTo(expected);
	}

	@Test
	void compliancesSecurityControlIdWinsOverTheGenerator() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"),
				f -> f.put("GeneratorId", "aws-foundational-security-best-practices/v/1.0.0/S3.1"));

		assertThat(finding.securityControlId()).isEqualTo("S3.8");
	}

	@ParameterizedTest(name = "GeneratorId {0} is control {1}")
	@CsvSource({ "security-control/S3.8, S3.8", "security-control/CloudTrail.2, CloudTrail.2",
			"aws-foundational-security-best-practices/v/1.0.0/S3.8, S3.8",
			"aws-foundational-security-best-practices/v/1.0.0/EC2.2, EC2.2",
			"arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.3, IAM.8",
			"arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/4.3, EC2.2",
			"cis-aws-foundations-benchmark/v/1.4.0/1.4, IAM.4", "cis-aws-foundations-benchmark/v/1.4.0/1.5, IAM.9" })
	void withoutSecurityControlIdTheControlComesFromTheGenerator(String generatorId, String controlId) {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> {
			compliance(f).remove("SecurityControlId");
			f.put("GeneratorId", generatorId);
		});

		assertThat(finding.securityControlId()).isEqualTo(controlId);
	}

	@ParameterizedTest(name = "GeneratorId {0} names no control")
	@CsvSource({ "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/9.99",
			"arn:aws:guardduty:us-east-1:193043430472:detector/d4b040365221be2b54a6264dc9a4bc64", "AWSInspector",
			"pci-dss/v/3.2.1/PCI.S3.6" })
	void aGeneratorThatNamesNoKnownControlGivesNone(String generatorId) {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> {
			compliance(f).remove("SecurityControlId");
			f.put("GeneratorId", generatorId);
		});

		assertThat(finding.securityControlId()).isNull();
	}

	@ParameterizedTest(name = "Compliance.Status {0}")
	@CsvSource({ "PASSED", "WARNING", "FAILED", "NOT_AVAILABLE" })
	void keepsTheComplianceStatus(ComplianceStatus status) {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> compliance(f).put("Status", status.name()));

		assertThat(finding.compliance()).isEqualTo(status);
		assertThat(finding.failing()).isEqualTo(status == ComplianceStatus.FAILED);
	}

	@Test
	void anArchivedFindingIsKeptArchivedAndDoesNotFail() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> f.put("RecordState", "ARCHIVED"));

		assertThat(finding.recordState()).isEqualTo(RecordState.ARCHIVED);
		assertThat(finding.compliance()).isEqualTo(ComplianceStatus.FAILED);
		assertThat(finding.failing()).isFalse();
	}

	@Test
	void withoutRecordStateAFindingIsActive() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> f.remove("RecordState"));

		assertThat(finding.recordState()).isEqualTo(RecordState.ACTIVE);
	}

	@Test
	void workflowStatusWinsOverTheDeprecatedWorkflowState() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> {
			f.put("WorkflowState", "NEW");
			workflow(f).put("Status", "SUPPRESSED");
		});

		assertThat(finding.workflowStatus()).isEqualTo(WorkflowStatus.SUPPRESSED);
		assertThat(finding.failing()).isFalse();
	}

	@ParameterizedTest(name = "WorkflowState {0} is Workflow.Status {1}")
	@CsvSource({ "NEW, NEW", "ASSIGNED, NOTIFIED", "IN_PROGRESS, NOTIFIED", "DEFERRED, SUPPRESSED",
			"RESOLVED, RESOLVED" })
	void withoutWorkflowTheDeprecatedWorkflowStateIsUsed(String workflowState, WorkflowStatus expected) {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> {
			f.remove("Workflow");
			f.put("WorkflowState", workflowState);
		});

		assertThat(finding.workflowStatus()).isEqualTo(expected);
	}

	@Test
	void withoutAnyWorkflowAFindingIsNew() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> {
			f.remove("Workflow");
			f.remove("WorkflowState");
		});

		assertThat(finding.workflowStatus()).isEqualTo(WorkflowStatus.NEW);
	}

	@Test
	void keepsEveryResourceInOrderAndListsTheFirst() {
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"), f -> {
			var volume = resources(f).addObject();
			volume.put("Type", "AwsEc2Volume");
			volume.put("Id", "arn:aws:ec2:us-east-1:193043430472:volume/vol-0a1b2c3d4e5f67890");
		});

		assertThat(finding.resources()).extracting(AffectedResource::type)
			.containsExactly("AwsEc2Instance", "AwsEc2Volume");
		assertThat(finding.resources().get(1).region()).isNull();
		assertThat(finding.resource().type()).isEqualTo("AwsEc2Instance");
	}

	@Test
	void withoutCreatedAtAndObservationTimesCreatedAtIsUpdatedAt() {
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"), f -> {
			f.remove("CreatedAt");
			f.remove("FirstObservedAt");
			f.remove("LastObservedAt");
		});

		assertThat(finding.createdAt()).isEqualTo(Instant.parse("2020-09-30T12:14:00.206Z"));
		assertThat(finding.firstObservedAt()).isNull();
		assertThat(finding.lastObservedAt()).isNull();
	}

	@ParameterizedTest(name = "UpdatedAt {0}")
	@CsvSource({ "2019-01-31T23:00:00Z, 2019-01-31T23:00:00Z",
			"2019-01-31T23:00:00.123456789Z, 2019-01-31T23:00:00.123456Z",
			"2024-01-04T15:25:10+17:59, 2024-01-03T21:26:10Z", "2024-01-04T15:25:10-1759, 2024-01-05T09:24:10Z",
			"2024-01-04T15:25:10.123456789+17:59, 2024-01-03T21:26:10.123456Z",
			"2024-01-04T15:25:10+09, 2024-01-04T06:25:10Z" })
	void readsEveryDocumentedTimestampFormatToTheMicrosecond(String updatedAt, Instant expected) {
		// the formats the Security Hub API reference documents; microseconds are what the
		// database keeps
		var finding = normalise(fixture("guardduty-ssh-brute-force.json"), f -> f.put("UpdatedAt", updatedAt));

		assertThat(finding.updatedAt()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is refused naming {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			missing Id                       | Id                      | is required
			Id that is a number              | Id                      | must be a string but was number
			blank Id                         | Id                      | is required
			missing ProductArn               | ProductArn              | is required
			missing AwsAccountId             | AwsAccountId            | is required
			AwsAccountId of 11 digits        | AwsAccountId            | must be 12 digits but was '12345678901'
			AwsAccountId of 13 digits        | AwsAccountId            | 13 characters
			AwsAccountId with a letter       | AwsAccountId            | must be 12 digits but was '12345678901x'
			missing Resources                | Resources               | must be an array with at least one resource
			empty Resources                  | Resources               | must be an array with at least one resource
			Resources that is an object      | Resources               | must be an array with at least one resource
			Resources[1] without Id          | Resources[1].Id         | is required
			Resources[0] that is a string    | Resources[0]            | must be an object but was string
			missing Severity                 | Severity                | is required
			unknown Severity.Label           | Severity.Label          | 'SEVERE' is not one of
			Severity.Normalized 150          | Severity.Normalized     | 0-100 but was 150
			Severity.Normalized -1           | Severity.Normalized     | 0-100 but was -1
			Severity.Normalized as text      | Severity                | needs Label or an integer Normalized
			missing UpdatedAt                | UpdatedAt               | is required
			malformed UpdatedAt              | UpdatedAt               | must be an ISO 8601 timestamp
			UpdatedAt without a time zone    | UpdatedAt               | must be an ISO 8601 timestamp
			malformed CreatedAt              | CreatedAt               | must be an ISO 8601 timestamp
			missing Title                    | Title                   | is required
			unknown Compliance.Status        | Compliance.Status       | 'BROKEN' is not one of
			unknown RecordState              | RecordState             | 'DELETED' is not one of
			unknown Workflow.Status          | Workflow.Status         | 'CLOSED' is not one of
			Types that is a string           | Types                   | must be an array of strings
			Types with a number              | Types[1]                | must be a string but was number
			""")
	void refusesBrokenInputNamingTheField(String broken, String field, String problem) {
		var asff = fixture("fsbp-s3.8-failed.json");
		breakIt(broken, asff);

		assertThatThrownBy(() -> normalise(asff)).isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class, ex -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.problem()).contains(problem);
			assertThat(ex.getMessage()).startsWith(field + ": ");
		});
	}

	@Test
	void refusesAnythingButAnObject() {
		assertThatThrownBy(() -> normalise(JSON.readTree("[1, 2]")))
			.isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class,
					ex -> assertThat(ex.field()).isEqualTo("(finding)"))
			.hasMessageContaining("must be a JSON object");
	}

	@Test
	void refusesATenMegabyteTitleNamingTitle() {
		var asff = fixture("fsbp-s3.8-failed.json");
		asff.put("Title", "x".repeat(10 * 1024 * 1024));

		assertThatThrownBy(() -> normalise(asff)).isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class, ex -> {
			assertThat(ex.field()).isEqualTo("Title");
			assertThat(ex.problem()).isEqualTo("is 10485760 characters; at most 1024 are allowed");
		});
	}

	@Test
	void refusesANulCharacterInAStringNamingTheField() {
		var asff = fixture("fsbp-s3.8-failed.json");
		asff.put("Title", "S3 bucket\u0000; DROP TABLE finding");

		assertThatThrownBy(() -> normalise(asff)).isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class, ex -> {
			assertThat(ex.field()).isEqualTo("Title");
			assertThat(ex.problem()).contains("NUL character");
		});
	}

	@Test
	void acceptsATitleOfTheLongestAllowedLength() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"), f -> f.put("Title", "t".repeat(1024)));

		assertThat(finding.title()).hasSize(1024);
	}

	@Test
	void refusesAFindingOverTwoHundredFortyKilobytes() {
		var asff = fixture("fsbp-s3.8-failed.json");
		asff.put("Description", "d".repeat(AsffNormaliser.MAX_FINDING_BYTES));

		assertThatThrownBy(() -> normalise(asff)).isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class, ex -> {
			assertThat(ex.field()).isEqualTo("(finding)");
			assertThat(ex.problem()).endsWith("a finding may be at most 240 KB");
		});
	}

	@Test
	void measuresTheFindingInBytesNotCharacters() {
		// 100,000 characters, 300,000 bytes in UTF-8
		var asff = fixture("fsbp-s3.8-failed.json");
		asff.put("Description", "日".repeat(100_000));

		assertThatThrownBy(() -> normalise(asff)).isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class,
				ex -> assertThat(ex.field()).isEqualTo("(finding)"));
	}

	@Test
	void acceptsALargeFindingUnderTheLimit() {
		var finding = normalise(fixture("fsbp-s3.8-failed.json"),
				f -> f.put("Description", "d".repeat(AsffNormaliser.MAX_FINDING_BYTES - 8 * 1024)));

		assertThat(finding.raw().length()).isBetween(AsffNormaliser.MAX_FINDING_BYTES - 8 * 1024,
				AsffNormaliser.MAX_FINDING_BYTES);
	}

	private static void breakIt(String broken, ObjectNode asff) {
		switch (broken) {
			case "missing Id" -> asff.remove("Id");
			case "Id that is a number" -> asff.put("Id", 42);
			case "blank Id" -> asff.put("Id", "  ");
			case "missing ProductArn" -> asff.remove("ProductArn");
			case "missing AwsAccountId" -> asff.remove("AwsAccountId");
			case "AwsAccountId of 11 digits" -> asff.put("AwsAccountId", "12345678901");
			case "AwsAccountId of 13 digits" -> asff.put("AwsAccountId", "1234567890123");
			case "AwsAccountId with a letter" -> asff.put("AwsAccountId", "12345678901x");
			case "missing Resources" -> asff.remove("Resources");
			case "empty Resources" -> asff.putArray("Resources");
			case "Resources that is an object" -> asff.set("Resources", resource(asff, 0).deepCopy());
			case "Resources[1] without Id" -> resources(asff).addObject().put("Type", "AwsS3Bucket");
			case "Resources[0] that is a string" -> resources(asff).set(0, JSON.getNodeFactory().stringNode("bucket"));
			case "missing Severity" -> asff.remove("Severity");
			case "unknown Severity.Label" -> severity(asff).put("Label", "SEVERE");
			case "Severity.Normalized 150" -> {
				severity(asff).remove("Label");
				severity(asff).put("Normalized", 150);
			}
			case "Severity.Normalized -1" -> {
				severity(asff).remove("Label");
				severity(asff).put("Normalized", -1);
			}
			case "Severity.Normalized as text" -> {
				severity(asff).remove("Label");
				severity(asff).put("Normalized", "70");
			}
			case "missing UpdatedAt" -> asff.remove("UpdatedAt");
			case "malformed UpdatedAt" -> asff.put("UpdatedAt", "28/11/2026 08:11");
			case "UpdatedAt without a time zone" -> asff.put("UpdatedAt", "2026-11-28T08:11:58.972");
			case "malformed CreatedAt" -> asff.put("CreatedAt", "yesterday");
			case "missing Title" -> asff.remove("Title");
			case "unknown Compliance.Status" -> compliance(asff).put("Status", "BROKEN");
			case "unknown RecordState" -> asff.put("RecordState", "DELETED");
			case "unknown Workflow.Status" -> workflow(asff).put("Status", "CLOSED");
			case "Types that is a string" -> asff.put("Types", "Effects/Data Exposure");
			case "Types with a number" -> ((ArrayNode) asff.get("Types")).set(1, JSON.getNodeFactory().numberNode(7));
			default -> throw new IllegalArgumentException(broken);
		}
	}

	private static Finding normalise(JsonNode asff) {
		return normaliser.normalise(asff, JSON.writeValueAsString(asff));
	}

	private static Finding normalise(ObjectNode asff, Consumer<ObjectNode> change) {
		change.accept(asff);
		return normalise(asff);
	}

	static ObjectNode fixture(String name) {
		try (var in = new ClassPathResource("findings/" + name).getInputStream()) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ArrayNode resources(ObjectNode asff) {
		return (ArrayNode) asff.get("Resources");
	}

	private static ObjectNode resource(ObjectNode asff, int index) {
		return (ObjectNode) resources(asff).get(index);
	}

	private static ObjectNode severity(ObjectNode asff) {
		return (ObjectNode) asff.get("Severity");
	}

	private static ObjectNode compliance(ObjectNode asff) {
		return (ObjectNode) asff.get("Compliance");
	}

	private static ObjectNode workflow(ObjectNode asff) {
		return (ObjectNode) asff.get("Workflow");
	}

}
