package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import io.soc2ops.catalog.Catalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OCSF finding of the new Security Hub in, the same normalised finding ASFF gives
 * out: what each field becomes, how status and activity become record state and workflow,
 * the key shared with the ASFF twin, and which broken input is refused with the field
 * named by its path.
 */
class OcsfNormaliserTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static OcsfNormaliser normaliser;

	static AsffNormaliser asff;

	@BeforeAll
	static void loadShippedCatalog() {
		try (var context = new AnnotationConfigApplicationContext(Catalog.class)) {
			normaliser = new OcsfNormaliser(context.getBean(Catalog.class));
			asff = new AsffNormaliser(context.getBean(Catalog.class));
		}
	}

	@Test
	void normalisesASecurityHubControlFinding() {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"));

		assertThat(finding.key()).isEqualTo(new FindingKey(
				"arn:aws:securityhub:ap-northeast-1:123456789012:security-control/S3.8/finding/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
				"arn:aws:securityhub:ap-northeast-1::product/aws/securityhub"));
		assertThat(finding.format()).isEqualTo(FindingFormat.OCSF);
		assertThat(finding.accountId()).isEqualTo("123456789012");
		assertThat(finding.region()).isEqualTo("ap-northeast-1");
		assertThat(finding.productName()).isEqualTo("Security Hub");
		assertThat(finding.generatorId()).isEqualTo("security-control/S3.8");
		assertThat(finding.title()).isEqualTo("S3 general purpose buckets should block public access");
		assertThat(finding.severity()).isEqualTo(Severity.HIGH);
		assertThat(finding.types()).containsExactly(
				"Software and Configuration Checks/Industry and Regulatory Standards", "Effects/Data Exposure",
				"Posture Management");
		assertThat(finding.securityControlId()).isEqualTo("S3.8");
		assertThat(finding.compliance()).isEqualTo(ComplianceStatus.FAILED);
		assertThat(finding.recordState()).isEqualTo(RecordState.ACTIVE);
		assertThat(finding.workflowStatus()).isEqualTo(WorkflowStatus.NEW);
		assertThat(finding.resources()).containsExactly(
				new AffectedResource("AWS::S3::Bucket", "arn:aws:s3:::example-invoices", "ap-northeast-1"));
		assertThat(finding.firstObservedAt()).isEqualTo(Instant.parse("2026-11-20T08:12:03.416Z"));
		assertThat(finding.lastObservedAt()).isEqualTo(Instant.parse("2026-11-28T08:12:09.754Z"));
		assertThat(finding.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:12:03.416Z"));
		assertThat(finding.updatedAt()).isEqualTo(Instant.parse("2026-11-28T08:11:58.972Z"));
		assertThat(finding.failing()).isTrue();
	}

	@Test
	void aControlFindingHasTheKeyAndControlOfItsAsffTwin() {
		var ocsf = normalise(fixture("ocsf-fsbp-s3.8-failed.json"));
		var twin = asff.normalise(AsffNormaliserTests.fixture("fsbp-s3.8-failed.json"), "{}");

		assertThat(ocsf.key()).isEqualTo(twin.key());
		assertThat(ocsf.key().digest()).isEqualTo(twin.key().digest());
		assertThat(ocsf)
			.extracting(Finding::accountId, Finding::region, Finding::generatorId, Finding::securityControlId,
					Finding::compliance, Finding::severity, Finding::updatedAt)
			.containsExactly(twin.accountId(), twin.region(), twin.generatorId(), twin.securityControlId(),
					twin.compliance(), twin.severity(), twin.updatedAt());
	}

	@Test
	void normalisesAGuardDutyDetectionFinding() {
		var finding = normalise(fixture("ocsf-guardduty-cloudtrail-disabled.json"));

		assertThat(finding.key()).isEqualTo(new FindingKey(
				"arn:aws:guardduty:us-east-1:123456789012:detector/b4c71b47fb852d3fc0e99a82fa2841aa/finding/06c95f0cfdfd3b579b977e20e9da1aa4",
				"arn:aws:securityhub:us-east-1::product/aws/guardduty"));
		assertThat(finding.productName()).isEqualTo("GuardDuty");
		assertThat(finding.generatorId()).isEqualTo("b4c71b47fb852d3fc0e99a82fa2841aa");
		assertThat(finding.severity()).isEqualTo(Severity.LOW);
		assertThat(finding.types()).containsExactly("Stealth:IAMUser/CloudTrailLoggingDisabled");
		assertThat(finding.securityControlId()).isNull();
		assertThat(finding.compliance()).isNull();
		assertThat(finding.recordState()).isEqualTo(RecordState.ACTIVE);
		assertThat(finding.workflowStatus()).isEqualTo(WorkflowStatus.SUPPRESSED);
		assertThat(finding.resources())
			.containsExactly(new AffectedResource("AWS::IAM::AccessKey", "ASIAIOSFODNN7EXAMPLE", "us-east-1"));
		assertThat(finding.updatedAt()).isEqualTo(Instant.parse("2026-11-28T03:02:34.272Z"));
	}

	@Test
	void normalisesAnInspectorVulnerabilityFinding() {
		var finding = normalise(fixture("ocsf-inspector-cve-http2.json"));

		assertThat(finding.key().productArn()).isEqualTo("arn:aws:securityhub:us-east-2::product/aws/inspector");
		assertThat(finding.productName()).isEqualTo("Inspector");
		assertThat(finding.title()).isEqualTo("CVE-2023-44487 - golang.org/x/net, google.golang.org/grpc");
		assertThat(finding.severity()).isEqualTo(Severity.HIGH);
		assertThat(finding.generatorId()).isEmpty();
		assertThat(finding.securityControlId()).isNull();
		assertThat(finding.resource())
			.isEqualTo(new AffectedResource("AWS::EC2::Instance", "i-0abcdef1234567890", "us-east-2"));
		assertThat(finding.failing()).isFalse();
	}

	@ParameterizedTest(name = "activity_id {0}, status_id {1} -> {2}, {3}")
	@CsvSource(nullValues = "-", textBlock = """
			1,  1,  ACTIVE,   NEW
			2,  2,  ACTIVE,   NOTIFIED
			2,  3,  ACTIVE,   SUPPRESSED
			2,  4,  ACTIVE,   RESOLVED
			2,  5,  ARCHIVED, RESOLVED
			2,  6,  ARCHIVED, RESOLVED
			3,  1,  ARCHIVED, NEW
			3,  4,  ARCHIVED, RESOLVED
			2,  0,  ACTIVE,   NEW
			2,  99, ACTIVE,   NEW
			-,  -,  ACTIVE,   NEW
			99, 4,  ACTIVE,   RESOLVED
			""")
	void recordStateComesFromActivityAndStatusAndWorkflowFromStatus(Integer activityId, Integer statusId,
			RecordState recordState, WorkflowStatus workflow) {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			f.remove("activity_id");
			f.remove("status_id");
			f.remove("status");
			if (activityId != null) {
				f.put("activity_id", activityId);
			}
			if (statusId != null) {
				f.put("status_id", statusId);
			}
		});

		assertThat(finding.recordState()).isEqualTo(recordState);
		assertThat(finding.workflowStatus()).isEqualTo(workflow);
	}

	@Test
	void aPassingControlFindingThatSecurityHubResolvedStillCountsAsPassing() {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			compliance(f).put("status_id", 1).put("status", "Pass");
			f.put("status_id", 4).put("status", "Resolved");
		});

		assertThat(finding.compliance()).isEqualTo(ComplianceStatus.PASSED);
		assertThat(finding.recordState()).isEqualTo(RecordState.ACTIVE);
		assertThat(finding.failing()).isFalse();
	}

	@ParameterizedTest(name = "severity_id {0} -> {1}")
	@CsvSource({ "0, INFORMATIONAL", "1, INFORMATIONAL", "2, LOW", "3, MEDIUM", "4, HIGH", "5, CRITICAL", "6, CRITICAL",
			"99, INFORMATIONAL" })
	void severityComesFromSeverityId(int severityId, Severity severity) {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> f.put("severity_id", severityId));

		assertThat(finding.severity()).isEqualTo(severity);
	}

	@ParameterizedTest(name = "severity ''{0}'' -> {1}")
	@CsvSource({ "Informational, INFORMATIONAL", "Low, LOW", "Medium, MEDIUM", "High, HIGH", "Critical, CRITICAL",
			"Fatal, CRITICAL" })
	void severityFallsBackToItsCaptionWithoutSeverityId(String caption, Severity severity) {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			f.remove("severity_id");
			f.put("severity", caption);
		});

		assertThat(finding.severity()).isEqualTo(severity);
	}

	@ParameterizedTest(name = "compliance.status_id {0} -> {1}")
	@CsvSource({ "0, NOT_AVAILABLE", "1, PASSED", "2, WARNING", "3, FAILED", "99, NOT_AVAILABLE" })
	void complianceComesFromComplianceStatusId(int statusId, ComplianceStatus status) {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"),
				f -> compliance(f).put("status_id", statusId).put("status", "ignored when status_id is there"));

		assertThat(finding.compliance()).isEqualTo(status);
	}

	@ParameterizedTest(name = "compliance.status ''{0}'' -> {1}")
	@CsvSource({ "Pass, PASSED", "Warning, WARNING", "Fail, FAILED", "Unknown, NOT_AVAILABLE" })
	void complianceFallsBackToItsCaptionWithoutStatusId(String caption, ComplianceStatus status) {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			compliance(f).remove("status_id");
			compliance(f).put("status", caption);
		});

		assertThat(finding.compliance()).isEqualTo(status);
	}

	@Test
	void readsEpochMillisecondsWhereTheDatetimeProfileIsMissing() {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			var info = info(f);
			info.remove("created_time_dt");
			info.remove("modified_time_dt");
			info.remove("first_seen_time_dt");
			info.put("modified_time", Instant.parse("2026-11-28T09:30:00.125Z").toEpochMilli());
		});

		assertThat(finding.updatedAt()).isEqualTo(Instant.parse("2026-11-28T09:30:00.125Z"));
		assertThat(finding.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:12:03.416Z"));
		assertThat(finding.firstObservedAt()).isEqualTo(Instant.parse("2026-11-20T08:12:03.416Z"));
	}

	@Test
	void withoutModifiedTimeTheFindingTimeIsItsVersion() {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			info(f).remove("modified_time_dt");
			info(f).remove("modified_time");
			info(f).remove("created_time_dt");
			info(f).remove("created_time");
			f.put("time_dt", "2026-11-28T10:00:00.000Z");
		});

		assertThat(finding.updatedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(finding.createdAt()).isEqualTo(finding.updatedAt());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({
			"arn:aws:securityhub:ap-northeast-1:123456789012:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.8/finding/f1, "
					+ "aws-foundational-security-best-practices/v/1.0.0/S3.8, S3.8",
			"arn:aws:securityhub:ap-northeast-1:123456789012:subscription/cis-aws-foundations-benchmark/v/1.2.0/1.3/finding/f2, "
					+ "cis-aws-foundations-benchmark/v/1.2.0/1.3, IAM.8",
			"arn:aws:securityhub:ap-northeast-1:123456789012:security-control/IAM.8/finding/f3, security-control/IAM.8, IAM.8" })
	void withoutAControlIdTheControlComesFromTheFindingArn(String uid, String generatorId, String control) {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			info(f).put("uid", uid);
			compliance(f).remove("control");
		});

		assertThat(finding.generatorId()).isEqualTo(generatorId);
		assertThat(finding.securityControlId()).isEqualTo(control);
	}

	@Test
	void aControlFieldThatIsNoSecurityHubControlIdIsNotTakenForOne() {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			info(f).put("uid", "custom-check-42");
			compliance(f).put("control", "1.3");
		});

		assertThat(finding.securityControlId()).isNull();
		assertThat(finding.generatorId()).isEqualTo("securityhub-s3-bucket-level-public-access-prohibited-8f6d2c1b");
	}

	@Test
	void keepsAProductUidThatIsNotASecurityHubProductArn() {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			product(f).put("uid", "example-scanner");
			product(f).remove("name");
		});

		assertThat(finding.key().productArn()).isEqualTo("example-scanner");
		assertThat(finding.productName()).isEqualTo("example-scanner");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "uid_alt is an ARN, arn:aws:s3:::example-invoices", "uid_alt is no ARN, example-invoices",
			"only name, invoices-bucket" })
	void theResourceIdPrefersItsArn(String shape, String id) {
		var finding = normalise(fixture("ocsf-fsbp-s3.8-failed.json"), f -> {
			var resource = (ObjectNode) f.get("resources").get(0);
			switch (shape) {
				case "uid_alt is no ARN" -> resource.put("uid_alt", "example-invoices-alias");
				case "only name" -> {
					resource.remove("uid");
					resource.remove("uid_alt");
					resource.put("name", "invoices-bucket");
				}
				default -> {
				}
			}
		});

		assertThat(finding.resource().id()).isEqualTo(id);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					missing finding_info               | finding_info                  | is required
					finding_info that is a string      | finding_info                  | must be an object but was string
					missing finding_info.uid           | finding_info.uid              | is required
					finding_info.uid that is a number  | finding_info.uid              | must be a string but was number
					missing metadata.product.uid       | metadata.product.uid          | is required
					missing metadata                   | metadata                      | is required
					missing cloud.account.uid          | cloud.account.uid             | is required
					cloud.account.uid of 11 digits     | cloud.account.uid             | must be 12 digits but was '12345678901'
					missing finding_info.title         | finding_info.title            | is required
					missing resources                  | resources                     | must be an array with at least one resource
					resources[0] without type          | resources[0].type             | is required
					resources[0] without any id        | resources[0].uid              | is required (or uid_alt or name)
					resources[0] that is a string      | resources[0]                  | must be an object but was string
					missing severity_id and severity   | severity_id                   | is required
					severity_id 7                      | severity_id                   | but was 7
					severity_id as text                | severity_id                   | must be an integer but was string
					unknown severity caption           | severity                      | 'Severe' is not one of
					status_id 8                        | status_id                     | but was 8
					activity_id as text                | activity_id                   | must be an integer but was string
					compliance.status_id 4             | compliance.status_id          | but was 4
					unknown compliance.status          | compliance.status             | 'Passed' is not one of
					no modified time nor time          | finding_info.modified_time_dt | is required (or modified_time, or time)
					malformed modified_time_dt         | finding_info.modified_time_dt | must be an RFC 3339 timestamp
					modified_time as text              | finding_info.modified_time    | must be epoch milliseconds but was string
					finding_info.types that is a string | finding_info.types           | must be an array of strings but was string
					finding_info.types with a number   | finding_info.types[1]         | must be a string but was number
					""")
	void refusesBrokenInputNamingTheField(String broken, String field, String problem) {
		var ocsf = fixture("ocsf-fsbp-s3.8-failed.json");
		breakIt(broken, ocsf);

		assertThatThrownBy(() -> normalise(ocsf)).isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class, ex -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.problem()).contains(problem);
			assertThat(ex.getMessage()).startsWith(field + ": ");
		});
	}

	@Test
	void refusesATitleLongerThanStoredNamingItsPath() {
		var ocsf = fixture("ocsf-fsbp-s3.8-failed.json");
		info(ocsf).put("title", "x".repeat(1025));

		assertThatThrownBy(() -> normalise(ocsf)).isInstanceOfSatisfying(AsffNormaliser.IllegalFinding.class, ex -> {
			assertThat(ex.field()).isEqualTo("finding_info.title");
			assertThat(ex.problem()).isEqualTo("is 1025 characters; at most 1024 are allowed");
		});
	}

	private static void breakIt(String broken, ObjectNode ocsf) {
		switch (broken) {
			case "missing finding_info" -> ocsf.remove("finding_info");
			case "finding_info that is a string" -> ocsf.put("finding_info", "S3.8");
			case "missing finding_info.uid" -> info(ocsf).remove("uid");
			case "finding_info.uid that is a number" -> info(ocsf).put("uid", 42);
			case "missing metadata.product.uid" -> product(ocsf).remove("uid");
			case "missing metadata" -> ocsf.remove("metadata");
			case "missing cloud.account.uid" -> ((ObjectNode) ocsf.get("cloud").get("account")).remove("uid");
			case "cloud.account.uid of 11 digits" ->
				((ObjectNode) ocsf.get("cloud").get("account")).put("uid", "12345678901");
			case "missing finding_info.title" -> info(ocsf).remove("title");
			case "missing resources" -> ocsf.remove("resources");
			case "resources[0] without type" -> ((ObjectNode) ocsf.get("resources").get(0)).remove("type");
			case "resources[0] without any id" -> {
				var resource = (ObjectNode) ocsf.get("resources").get(0);
				resource.remove("uid");
				resource.remove("uid_alt");
			}
			case "resources[0] that is a string" ->
				((ArrayNode) ocsf.get("resources")).set(0, JSON.getNodeFactory().stringNode("bucket"));
			case "missing severity_id and severity" -> {
				ocsf.remove("severity_id");
				ocsf.remove("severity");
			}
			case "severity_id 7" -> ocsf.put("severity_id", 7);
			case "severity_id as text" -> ocsf.put("severity_id", "4");
			case "unknown severity caption" -> {
				ocsf.remove("severity_id");
				ocsf.put("severity", "Severe");
			}
			case "status_id 8" -> ocsf.put("status_id", 8);
			case "activity_id as text" -> ocsf.put("activity_id", "Close");
			case "compliance.status_id 4" -> compliance(ocsf).put("status_id", 4);
			case "unknown compliance.status" -> {
				compliance(ocsf).remove("status_id");
				compliance(ocsf).put("status", "Passed");
			}
			case "no modified time nor time" -> {
				info(ocsf).remove("modified_time_dt");
				info(ocsf).remove("modified_time");
				ocsf.remove("time_dt");
				ocsf.remove("time");
			}
			case "malformed modified_time_dt" -> info(ocsf).put("modified_time_dt", "28/11/2026 08:11");
			case "modified_time as text" -> {
				info(ocsf).remove("modified_time_dt");
				info(ocsf).put("modified_time", "1795162323416");
			}
			case "finding_info.types that is a string" -> info(ocsf).put("types", "Posture Management");
			case "finding_info.types with a number" ->
				((ArrayNode) info(ocsf).get("types")).set(1, JSON.getNodeFactory().numberNode(7));
			default -> throw new IllegalArgumentException(broken);
		}
	}

	private static Finding normalise(JsonNode ocsf) {
		return normaliser.normalise(ocsf, JSON.writeValueAsString(ocsf));
	}

	private static Finding normalise(ObjectNode ocsf, Consumer<ObjectNode> change) {
		change.accept(ocsf);
		return normalise(ocsf);
	}

	static ObjectNode fixture(String name) {
		return AsffNormaliserTests.fixture(name);
	}

	private static ObjectNode info(ObjectNode ocsf) {
		return (ObjectNode) ocsf.get("finding_info");
	}

	private static ObjectNode product(ObjectNode ocsf) {
		return (ObjectNode) ocsf.get("metadata").get("product");
	}

	private static ObjectNode compliance(ObjectNode ocsf) {
		return (ObjectNode) ocsf.get("compliance");
	}

}
