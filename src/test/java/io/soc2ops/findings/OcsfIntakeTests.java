package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import io.soc2ops.catalog.CriterionId;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.ReadinessStatus;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.SecurityHubPosture.ScopeCount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OCSF findings of the new Security Hub through the one intake, alone and mixed with
 * ASFF: a company halfway through the move from Security Hub CSPM sees one posture, each
 * resource once, whichever format brought it last. Each test starts without findings, and
 * the context is closed after the class, not handed on with what the last test stored.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OcsfIntakeTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Actor ROBOT = Actor.system("test");

	static final List<String> OCSF_SAMPLES = List.of("ocsf-fsbp-s3.8-failed.json",
			"ocsf-guardduty-cloudtrail-disabled.json", "ocsf-inspector-cve-http2.json");

	@Autowired
	FindingsIntake intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	SecurityHubPosture posture;

	@Autowired
	Readiness readiness;

	/** The shapes the new Security Hub's findings come in. */
	enum Shape {

		ARRAY(IntakeChannel.FILE, findings -> pretty(array(findings))),

		GET_FINDINGS_V2_PAGE(IntakeChannel.API, findings -> {
			var page = JSON.createObjectNode();
			page.set("Findings", array(findings));
			page.put("NextToken", "x");
			return pretty(page);
		}),

		V2_ENVELOPES_PER_LINE(IntakeChannel.QUEUE,
				findings -> findings.stream()
					.map(f -> JSON.writeValueAsString(envelopeV2(f)))
					.collect(Collectors.joining("\n", "", "\n"))),

		ARRAY_OF_V2_ENVELOPES(IntakeChannel.WEBHOOK, findings -> {
			var array = JSON.createArrayNode();
			findings.forEach(f -> array.add(envelopeV2(f)));
			return pretty(array);
		}),

		FINDINGS_PER_LINE(IntakeChannel.FILE,
				findings -> findings.stream().map(JSON::writeValueAsString).collect(Collectors.joining("\n")));

		final IntakeChannel channel;

		final Function<List<ObjectNode>, String> write;

		Shape(IntakeChannel channel, Function<List<ObjectNode>, String> write) {
			this.channel = channel;
			this.write = write;
		}

	}

	@BeforeEach
	void noFindings() {
		jdbc.sql("DELETE FROM finding_history").update();
		jdbc.sql("DELETE FROM finding").update();
	}

	@ParameterizedTest
	@EnumSource(Shape.class)
	void everyShapeStoresTheOcsfFindings(Shape shape) {
		var result = intake.accept(shape.write.apply(ocsfSamples()), shape.channel, "test:" + shape, ROBOT);

		assertThat(result.received()).isEqualTo(3);
		assertThat(result.inserted()).isEqualTo(3);
		assertThat(jdbc
			.sql("SELECT product_name, format, product_arn, security_control_id, compliance_status, workflow_status"
					+ " FROM finding ORDER BY product_name")
			.query()
			.listOfRows()).extracting(OcsfIntakeTests::strip)
			.containsExactly(
					List.of("GuardDuty", "OCSF", "arn:aws:securityhub:us-east-1::product/aws/guardduty", "-", "-",
							"SUPPRESSED"),
					List.of("Inspector", "OCSF", "arn:aws:securityhub:us-east-2::product/aws/inspector", "-", "-",
							"NEW"),
					List.of("Security Hub", "OCSF", "arn:aws:securityhub:ap-northeast-1::product/aws/securityhub",
							"S3.8", "FAILED", "NEW"));
	}

	@Test
	void theSameControlFindingInBothFormatsInOneFileIsOneRowCountedOnce() {
		String mixed = pretty(array(List.of(AsffNormaliserTests.fixture("fsbp-s3.8-failed.json"),
				OcsfNormaliserTests.fixture("ocsf-fsbp-s3.8-failed.json"))));

		var result = intake.accept(mixed, IntakeChannel.FILE, "file:mixed.json", ROBOT);

		assertThat(result.received()).isEqualTo(2);
		assertThat(result.inserted()).isEqualTo(1);
		assertThat(findingRows()).isEqualTo(1);
		assertThat(posture.results().get("S3.8")).satisfies(s3 -> {
			assertThat(s3.failingResources()).isEqualTo(1);
			assertThat(s3.passingResources()).isZero();
		});
		assertThat(posture.failingByScope("S3.8")).containsExactly(new ScopeCount("123456789012", "ap-northeast-1", 1));
	}

	@Test
	void theNewSecurityHubResolvingAControlFindingPassesWhatCspmReportedFailing() {
		var boundary = CriterionId.of("CC6.6");
		intake.accept(pretty(array(List.of(AsffNormaliserTests.fixture("fsbp-s3.8-failed.json")))), IntakeChannel.API,
				"securityhub", ROBOT);
		assertThat(readiness.criterion(boundary).orElseThrow().status()).isEqualTo(ReadinessStatus.FAILING);

		var result = intake.accept(fixtureText("securityhub-v2-imported-event.json"), IntakeChannel.WEBHOOK,
				"eventbridge", ROBOT);

		assertThat(result).extracting(IntakeResult::received, IntakeResult::inserted, IntakeResult::updated)
			.containsExactly(1L, 0L, 1L);
		assertThat(jdbc.sql("SELECT format, compliance_status, workflow_status, record_state FROM finding")
			.query()
			.listOfRows()).extracting(OcsfIntakeTests::strip)
			.containsExactly(List.of("OCSF", "PASSED", "RESOLVED", "ACTIVE"));
		assertThat(historyRows()).isEqualTo(2);
		assertThat(posture.results().get("S3.8")).satisfies(s3 -> {
			assertThat(s3.failingResources()).isZero();
			assertThat(s3.passingResources()).isEqualTo(1);
		});
		assertThat(readiness.criterion(boundary).orElseThrow().failingSecurityHubControls()).isEmpty();
	}

	@Test
	void anOlderAsffVersionNeverOverwritesANewerOcsfOne() {
		intake.accept(fixtureText("securityhub-v2-imported-event.json"), IntakeChannel.WEBHOOK, "eventbridge", ROBOT);

		var result = intake.accept(pretty(array(List.of(AsffNormaliserTests.fixture("fsbp-s3.8-failed.json")))),
				IntakeChannel.API, "securityhub", ROBOT);

		assertThat(result.unchanged()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT compliance_status FROM finding").query(String.class).single()).isEqualTo("PASSED");
		assertThat(posture.results().get("S3.8").failingResources()).isZero();
	}

	@Test
	void differentResourcesFailingInEitherFormatAddUp() {
		var asff = AsffNormaliserTests.fixture("fsbp-s3.8-failed.json");
		var ocsf = OcsfNormaliserTests.fixture("ocsf-fsbp-s3.8-failed.json");
		((ObjectNode) ocsf.get("finding_info")).put("uid",
				"arn:aws:securityhub:ap-northeast-1:123456789012:security-control/S3.8/finding/example-logs");
		((ObjectNode) ocsf.get("resources").get(0)).put("uid_alt", "arn:aws:s3:::example-logs");

		intake.accept(pretty(array(List.of(asff, ocsf))), IntakeChannel.FILE, "file:mixed.json", ROBOT);

		assertThat(findingRows()).isEqualTo(2);
		assertThat(posture.results().get("S3.8").failingResources()).isEqualTo(2);
	}

	@Test
	void aBrokenOcsfFindingAmongAsffOnesStoresNothingAndIsNamed() {
		long entries = ledger.size();
		var broken = OcsfNormaliserTests.fixture("ocsf-guardduty-cloudtrail-disabled.json");
		((ObjectNode) broken.get("finding_info")).remove("uid");
		String input = JSON.writeValueAsString(AsffNormaliserTests.fixture("fsbp-s3.8-failed.json")) + "\n"
				+ JSON.writeValueAsString(broken) + "\n";

		assertThatThrownBy(() -> intake.accept(input, IntakeChannel.FILE, "file:broken.json", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessage("record 2 (line 2): finding_info.uid: is required");
		assertThat(findingRows()).isZero();
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void refusesAnEnvelopeOfAnotherDetailTypeNamingBothAccepted() {
		String input = fixtureText("securityhub-v2-imported-event.json").replace("Findings Imported V2",
				"Findings Imported V3");

		assertThatThrownBy(() -> intake.accept(input, IntakeChannel.WEBHOOK, "eventbridge", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessage("record 1 (line 1): detail-type: 'Findings Imported V3' is not a Security Hub findings event"
					+ " ('Security Hub Findings - Imported' or 'Findings Imported V2')");
		assertThat(findingRows()).isZero();
	}

	private long findingRows() {
		return jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single();
	}

	private long historyRows() {
		return jdbc.sql("SELECT COUNT(*) FROM finding_history").query(Long.class).single();
	}

	private static List<String> strip(Map<String, Object> row) {
		return row.values().stream().map(v -> v == null ? "-" : v.toString().strip()).toList();
	}

	private static List<ObjectNode> ocsfSamples() {
		return OCSF_SAMPLES.stream().map(OcsfNormaliserTests::fixture).toList();
	}

	private static String fixtureText(String name) {
		return JSON.writeValueAsString(OcsfNormaliserTests.fixture(name));
	}

	private static ArrayNode array(List<ObjectNode> findings) {
		var array = JSON.createArrayNode();
		findings.forEach(array::add);
		return array;
	}

	/** A "Findings Imported V2" envelope as AWS documents it: one finding per event. */
	private static ObjectNode envelopeV2(ObjectNode finding) {
		var envelope = JSON.createObjectNode();
		envelope.put("version", "0");
		envelope.put("id", "8a1f2c3d-4e5f-6789-abcd-ef0123456789");
		envelope.put("detail-type", "Findings Imported V2");
		envelope.put("source", "aws.securityhub");
		envelope.put("account", "123456789012");
		envelope.put("time", "2026-11-28T08:12:11Z");
		envelope.put("region", "ap-northeast-1");
		envelope.putArray("resources").add(finding.get("metadata").get("uid").asString());
		envelope.putObject("detail").putArray("findings").add(finding);
		return envelope;
	}

	private static String pretty(JsonNode node) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
	}

}
