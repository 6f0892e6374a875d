package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import io.soc2ops.catalog.CriterionId;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.ReadinessStatus;
import io.soc2ops.catalog.SecurityHubControl;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.SecurityHubPosture.ScopeCount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Findings in every shape they arrive in, through the one intake: what is stored, what
 * replaces what, what the ledger records, what is refused whole, and the posture and
 * readiness the stored findings give. The ledger is append-only, so every test gets a
 * fresh context and database.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FindingsIntakeTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Actor ROBOT = Actor.system("test");

	/** Every column but the ones that say when and how a row was written. */
	static final String CONTENT = "SELECT finding_key, finding_id, product_arn, format, account_id, region, product_name,"
			+ " generator_id, title, severity, security_control_id, compliance_status, record_state, workflow_status,"
			+ " resource_type, resource_id, first_observed_at, last_observed_at, created_at, updated_at, raw"
			+ " FROM finding ORDER BY finding_key";

	static final String ALL = "SELECT * FROM finding ORDER BY finding_key";

	static final List<String> SAMPLES = List.of("fsbp-s3.8-failed.json", "cis-1.2-unused-credentials.json",
			"guardduty-ssh-brute-force.json", "inspector-cve-snapd.json");

	@Autowired
	FindingsIntake intake;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityHubPosture posture;

	@Autowired
	Readiness readiness;

	/** The shapes findings come in. */
	enum Shape {

		ARRAY(IntakeChannel.FILE, findings -> pretty(array(findings))),

		PAGE_TOKEN_AFTER(IntakeChannel.API, findings -> {
			var page = JSON.createObjectNode();
			page.set("Findings", array(findings));
			page.put("NextToken", "x");
			return pretty(page);
		}),

		PAGE_TOKEN_BEFORE(IntakeChannel.API, findings -> {
			var page = JSON.createObjectNode();
			page.put("NextToken", "x");
			page.set("Findings", array(findings));
			return pretty(page);
		}),

		ENVELOPE(IntakeChannel.WEBHOOK, findings -> pretty(envelope(findings))),

		ENVELOPES_PER_LINE(IntakeChannel.QUEUE,
				findings -> findings.stream()
					.map(f -> JSON.writeValueAsString(envelope(List.of(f))))
					.collect(Collectors.joining("\n", "", "\n"))),

		ARRAY_OF_ENVELOPES(IntakeChannel.QUEUE, findings -> {
			var array = JSON.createArrayNode();
			findings.forEach(f -> array.add(envelope(List.of(f))));
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

	@Test
	void everyShapeStoresTheSameRows() {
		var findings = samples();
		Shape first = null;
		List<Map<String, Object>> expected = null;
		for (var shape : Shape.values()) {
			jdbc.sql("DELETE FROM finding_history").update();
			jdbc.sql("DELETE FROM finding").update();

			var result = intake.accept(shape.write.apply(findings), shape.channel, "test:" + shape, ROBOT);

			assertThat(result.received()).as("%s received", shape).isEqualTo(4);
			assertThat(result.inserted()).as("%s inserted", shape).isEqualTo(4);
			var rows = jdbc.sql(CONTENT).query().listOfRows();
			assertThat(jdbc.sql("SELECT DISTINCT channel FROM finding").query(String.class).list()).as(shape.name())
				.containsExactly(shape.channel.name());
			if (first == null) {
				first = shape;
				expected = rows;
			}
			else {
				assertThat(rows).as("%s stores what %s stored", shape, first).isEqualTo(expected);
			}
		}
		assertThat(jdbc.sql("SELECT security_control_id FROM finding").query(String.class).list())
			.containsExactlyInAnyOrder("IAM.8", "S3.8", null, null);
		assertThat(jdbc.sql("SELECT product_name FROM finding").query(String.class).list())
			.containsExactlyInAnyOrder("GuardDuty", "Inspector", "Security Hub", "Security Hub");
	}

	@Test
	void takesThePublishedImportedEventAsItIs() {
		var result = intake.accept(fixtureText("securityhub-imported-event.json"), IntakeChannel.WEBHOOK, "eventbridge",
				ROBOT);

		assertThat(result.received()).isEqualTo(1);
		var row = jdbc
			.sql("SELECT account_id, region, product_name, security_control_id, compliance_status,"
					+ " resource_type FROM finding")
			.query()
			.singleRow();
		assertThat(row.values()).extracting(v -> v == null ? null : v.toString().strip())
			.containsExactly("111111111111", "us-east-1", "Security Hub", "IAM.8", "WARNING", "AwsAccount");
	}

	@Test
	void theSameInputTwiceChangesNothing() {
		String input = Shape.ARRAY.write.apply(samples());
		var first = intake.accept(input, IntakeChannel.FILE, "file:findings.json", ROBOT);
		var rows = jdbc.sql(ALL).query().listOfRows();
		long history = historyRows();

		var second = intake.accept(input, IntakeChannel.FILE, "file:findings.json", ROBOT);

		assertThat(first)
			.extracting(IntakeResult::received, IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(4L, 4L, 0L, 0L);
		assertThat(second)
			.extracting(IntakeResult::received, IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(4L, 0L, 0L, 4L);
		assertThat(jdbc.sql(ALL).query().listOfRows()).isEqualTo(rows);
		assertThat(historyRows()).isEqualTo(history).isEqualTo(4);
	}

	@Test
	void aNewerVersionReplacesTheStoredOneAndAddsHistory() {
		intake.accept(json(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z")), IntakeChannel.FILE, "first",
				ROBOT);

		var result = intake.accept(json(s3("example-invoices", "PASSED", "2026-11-28T09:00:00Z", f -> {
			f.put("Title", "S3 general purpose buckets should block public access (rechecked)");
			severity(f).put("Label", "LOW");
		})), IntakeChannel.WEBHOOK, "second", ROBOT);

		assertThat(result).extracting(IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(0L, 1L, 0L);
		var row = jdbc.sql("SELECT compliance_status, severity, title, channel FROM finding").query().singleRow();
		assertThat(row.values()).containsExactly("PASSED", "LOW",
				"S3 general purpose buckets should block public access (rechecked)", "WEBHOOK");
		assertThat(jdbc.sql("SELECT raw FROM finding").query(String.class).single()).contains("(rechecked)");
		assertThat(jdbc.sql("SELECT compliance_status FROM finding_history ORDER BY updated_at")
			.query(String.class)
			.list()).containsExactly("FAILED", "PASSED");
	}

	@Test
	void theSameVersionWithKeysInAnotherOrderAndNumbersWrittenOtherwiseIsUnchanged() {
		// as the collector rebuilds it from the SDK's model: its own key order, doubles
		var asSent = s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z", f -> severity(f).put("Normalized", 40));
		var rebuilt = JSON.createObjectNode();
		var names = new ArrayList<String>();
		asSent.propertyNames().forEach(names::add);
		names.reversed().forEach(name -> rebuilt.set(name, asSent.get(name).deepCopy()));
		severity(rebuilt).put("Normalized", 40.0);
		intake.accept(json(asSent), IntakeChannel.WEBHOOK, "eventbridge", ROBOT);
		var rows = jdbc.sql(ALL).query().listOfRows();

		var result = intake.accept(json(rebuilt), IntakeChannel.API, "securityhub", ROBOT);

		assertThat(result).extracting(IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(0L, 0L, 1L);
		assertThat(jdbc.sql(ALL).query().listOfRows()).isEqualTo(rows);
		assertThat(historyRows()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT raw FROM finding").query(String.class).single()).startsWith("{\"AwsAccountId\":")
			.contains("\"Normalized\":40,");
	}

	@Test
	void anOlderVersionNeverOverwritesANewerOne() {
		intake.accept(json(s3("example-invoices", "PASSED", "2026-11-28T09:00:00Z")), IntakeChannel.API, "newer",
				ROBOT);
		var rows = jdbc.sql(ALL).query().listOfRows();

		var result = intake.accept(json(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z")), IntakeChannel.FILE,
				"older", ROBOT);

		assertThat(result).extracting(IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(0L, 0L, 1L);
		assertThat(jdbc.sql(ALL).query().listOfRows()).isEqualTo(rows);
		assertThat(historyRows()).isEqualTo(1);
	}

	@Test
	void aSuppressionMadeInSecurityHubKeepsUpdatedAtAndStillCounts() {
		// BatchUpdateFindings changes Workflow.Status without changing UpdatedAt
		intake.accept(json(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z")), IntakeChannel.API, "securityhub",
				ROBOT);

		var result = intake.accept(json(
				s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z", f -> workflow(f).put("Status", "SUPPRESSED"))),
				IntakeChannel.WEBHOOK, "eventbridge", ROBOT);

		assertThat(result).extracting(IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(0L, 1L, 0L);
		assertThat(jdbc.sql("SELECT workflow_status FROM finding").query(String.class).single())
			.isEqualTo("SUPPRESSED");
		assertThat(historyRows()).isEqualTo(2);
		assertThat(posture.results().get("S3.8").failingResources()).isZero();
	}

	@Test
	void keepsArchivedRecordStateAndWorkflowStatus() {
		intake.accept(json(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z", f -> {
			f.put("RecordState", "ARCHIVED");
			workflow(f).put("Status", "RESOLVED");
		}), s3("example-logs", "FAILED", "2026-11-28T08:00:00Z", f -> workflow(f).put("Status", "SUPPRESSED"))),
				IntakeChannel.FILE, "states", ROBOT);

		assertThat(jdbc.sql("SELECT resource_id, record_state, workflow_status FROM finding ORDER BY resource_id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("arn:aws:s3:::example-invoices ARCHIVED RESOLVED",
					"arn:aws:s3:::example-logs ACTIVE SUPPRESSED");
		assertThat(jdbc.sql("SELECT record_state, workflow_status FROM finding_history ORDER BY record_state")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactly("ACTIVE SUPPRESSED", "ARCHIVED RESOLVED");
	}

	@ParameterizedTest(name = "newer {0}")
	@ValueSource(strings = { "last", "first" })
	void theSameFindingTwiceInOneInputKeepsTheNewer(String position) {
		var older = s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z");
		var newer = s3("example-invoices", "PASSED", "2026-11-28T09:00:00Z");

		var result = intake.accept(position.equals("last") ? json(older, newer) : json(newer, older),
				IntakeChannel.FILE, "twice", ROBOT);

		assertThat(result)
			.extracting(IntakeResult::received, IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(2L, 1L, 0L, 1L);
		assertThat(jdbc.sql("SELECT compliance_status FROM finding").query(String.class).single()).isEqualTo("PASSED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM finding_history WHERE compliance_status = 'FAILED'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theSameFindingInTwoChunksOfOneInputKeepsTheNewer() {
		var findings = new ArrayList<ObjectNode>();
		findings.add(s3("example-invoices", "PASSED", "2026-11-28T09:00:00Z"));
		for (int i = 0; i < FindingsIntake.CHUNK; i++) {
			findings.add(s3("bucket-" + i, "FAILED", "2026-11-28T08:00:00Z"));
		}
		findings.add(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z"));

		var result = intake.accept(Shape.FINDINGS_PER_LINE.write.apply(findings), IntakeChannel.FILE, "chunks", ROBOT);

		assertThat(result.received()).isEqualTo(FindingsIntake.CHUNK + 2);
		assertThat(result.inserted()).isEqualTo(FindingsIntake.CHUNK + 1);
		assertThat(result.unchanged()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT compliance_status FROM finding WHERE resource_id = 'arn:aws:s3:::example-invoices'")
			.query(String.class)
			.single()).isEqualTo("PASSED");
	}

	@Test
	void reimportingNanosecondTimestampsChangesNothing() {
		// the API documents up to nine fractional digits; the database keeps six
		String input = json(s3("example-invoices", "FAILED", "2026-11-28T08:11:58.123456400Z"),
				s3("example-logs", "FAILED", "2026-11-28T08:11:58.123456789Z"));
		intake.accept(input, IntakeChannel.FILE, "first", ROBOT);
		var rows = jdbc.sql(ALL).query().listOfRows();

		var again = intake.accept(input, IntakeChannel.FILE, "again", ROBOT);

		assertThat(again).extracting(IntakeResult::inserted, IntakeResult::updated, IntakeResult::unchanged)
			.containsExactly(0L, 0L, 2L);
		assertThat(jdbc.sql(ALL).query().listOfRows()).isEqualTo(rows);
		assertThat(historyRows()).isEqualTo(2);
	}

	@Test
	void everyAcceptedBatchAddsOneLedgerEntryWithItsDigest() throws Exception {
		String input = Shape.ENVELOPES_PER_LINE.write.apply(samples());
		long before = ledger.size();

		var first = intake.accept(input, IntakeChannel.QUEUE, "https://sqs.ap-northeast-1.amazonaws.com/1/findings",
				ROBOT);
		var second = intake.accept(input, IntakeChannel.QUEUE, "https://sqs.ap-northeast-1.amazonaws.com/1/findings",
				ROBOT);

		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
		assertThat(ledger.size()).isEqualTo(before + 2);
		assertThat(first.digest()).isEqualTo(sha256);
		assertThat(second.ledgerSequence()).isEqualTo(first.ledgerSequence() + 1);
		var entry = ledger.entry(first.ledgerSequence()).orElseThrow();
		assertThat(entry.action()).isEqualTo("findings.imported");
		assertThat(entry.actor()).isEqualTo(ROBOT);
		assertThat(entry.module()).isEqualTo("findings");
		assertThat(entry.subject()).isEqualTo("findings:QUEUE");
		var payload = JSON.readTree(entry.payload());
		assertThat(payload.get("channel").asString()).isEqualTo("QUEUE");
		assertThat(payload.get("origin").asString()).isEqualTo("https://sqs.ap-northeast-1.amazonaws.com/1/findings");
		assertThat(payload.get("sha256").asString()).isEqualTo(sha256);
		assertThat(List.of("received", "inserted", "updated", "unchanged")).map(k -> payload.get(k).asLong())
			.containsExactly(4L, 4L, 0L, 0L);
		var again = JSON.readTree(ledger.entry(second.ledgerSequence()).orElseThrow().payload());
		assertThat(List.of("received", "inserted", "updated", "unchanged")).map(k -> again.get(k).asLong())
			.containsExactly(4L, 0L, 0L, 4L);
		assertThat(again.get("sha256").asString()).isEqualTo(sha256);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Shape.class)
	void aBrokenThirdFindingStoresNothingAndIsNamed(Shape shape) {
		intake.accept(json(s3("already-there", "FAILED", "2026-11-01T00:00:00Z")), IntakeChannel.FILE, "earlier",
				ROBOT);
		var findings = samples();
		findings.get(2).remove("Resources");
		long stored = findingRows();
		long history = historyRows();
		long entries = ledger.size();

		assertThatThrownBy(() -> intake.accept(shape.write.apply(findings), shape.channel, "broken", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessageStartingWith("record 3 ")
			.hasMessageContaining("Resources: must be an array with at least one resource");
		assertThat(findingRows()).isEqualTo(stored).isEqualTo(1);
		assertThat(historyRows()).isEqualTo(history);
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "FINDINGS_PER_LINE", "ENVELOPES_PER_LINE" })
	void aBrokenFindingOnALineIsNamedByItsLine(Shape shape) {
		var findings = samples();
		findings.get(2).put("AwsAccountId", "12345");

		assertThatThrownBy(() -> intake.accept(shape.write.apply(findings), shape.channel, "broken", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessage("record 3 (line 3): AwsAccountId: must be 12 digits but was '12345'");
	}

	@Test
	void aBrokenFindingInALaterChunkStoresNothingOfTheEarlierChunks() {
		long entries = ledger.size();
		var findings = new ArrayList<ObjectNode>();
		for (int i = 1; i <= FindingsIntake.CHUNK + 150; i++) {
			findings.add(s3("bucket-" + i, "FAILED", "2026-11-28T08:00:00Z"));
		}
		severity(findings.get(FindingsIntake.CHUNK + 99)).put("Label", "SEVERE");

		assertThatThrownBy(
				() -> intake.accept(Shape.FINDINGS_PER_LINE.write.apply(findings), IntakeChannel.FILE, "big", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessageStartingWith("record 600 (line 600): Severity.Label: 'SEVERE' is not one of");
		assertThat(findingRows()).isZero();
		assertThat(historyRows()).isZero();
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Shape.class, names = { "ARRAY", "PAGE_TOKEN_AFTER", "ENVELOPES_PER_LINE", "FINDINGS_PER_LINE" })
	void aTruncatedInputStoresNothingAndSaysSo(Shape shape) {
		long entries = ledger.size();
		String whole = shape.write.apply(samples());
		String cut = whole.substring(0, whole.length() / 2);

		assertThatThrownBy(() -> intake.accept(cut, shape.channel, "cut", ROBOT)).isInstanceOf(FindingRejected.class)
			.hasMessageContaining("truncated");
		assertThat(findingRows()).isZero();
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void refusesAnEventThatIsNotASecurityHubFindingsEvent() {
		long entries = ledger.size();
		assertThatThrownBy(() -> intake.accept(fixtureText("inspector2-finding-event.json"), IntakeChannel.WEBHOOK,
				"eventbridge", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessageStartingWith("record 1 (line 1): detail-type: 'Inspector2 Finding' is not");
		assertThat(findingRows()).isZero();
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void refusesAnEnvelopeWithAnotherDetailTypeAmongValidOnes() {
		long entries = ledger.size();
		var inspector = (ObjectNode) JSON.readTree(fixtureText("inspector2-finding-event.json"));
		String input = JSON.writeValueAsString(envelope(List.of(samples().getFirst()))) + "\n"
				+ JSON.writeValueAsString(inspector) + "\n";

		assertThatThrownBy(() -> intake.accept(input, IntakeChannel.QUEUE, "queue", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessageStartingWith("record 2 (line 2): detail-type:");
		assertThat(findingRows()).isZero();
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(strings = { "", "  \n", "[]", "{\"Findings\": [], \"NextToken\": null}", "[ ]\n[]" })
	void refusesInputWithoutFindings(String input) {
		long entries = ledger.size();
		assertThatThrownBy(() -> intake.accept(input, IntakeChannel.FILE, "empty", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessage("the input holds no findings");
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(strings = { "42", "\"findings\"", "null", "true" })
	void refusesATopLevelValueThatIsNeitherArrayNorObject(String input) {
		long entries = ledger.size();
		assertThatThrownBy(() -> intake.accept(input, IntakeChannel.FILE, "scalar", ROBOT))
			.isInstanceOf(FindingRejected.class)
			.hasMessageStartingWith("record 1 (line 1): (input): expected a JSON array or object but found");
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void theSameNewFindingsArrivingTwiceAtOnceAreStoredOnceAndBothArrivalsSucceed() throws Exception {
		int rounds = 8;
		int perRound = 20;
		for (int round = 0; round < rounds; round++) {
			var findings = new ArrayList<ObjectNode>();
			for (int i = 0; i < perRound; i++) {
				findings.add(s3("race-" + round + "-" + i, "FAILED", "2026-11-28T08:00:00Z"));
			}
			String event = Shape.ENVELOPE.write.apply(findings);
			var start = new CountDownLatch(1);
			try (var executor = Executors.newFixedThreadPool(2)) {
				var first = executor.submit(() -> {
					start.await();
					return intake.accept(event, IntakeChannel.WEBHOOK, "first", ROBOT);
				});
				var second = executor.submit(() -> {
					start.await();
					return intake.accept(event, IntakeChannel.QUEUE, "second", ROBOT);
				});
				start.countDown();
				var results = List.of(first.get(), second.get());

				assertThat(results).extracting(IntakeResult::inserted).containsExactlyInAnyOrder((long) perRound, 0L);
				assertThat(results).extracting(IntakeResult::unchanged).containsExactlyInAnyOrder(0L, (long) perRound);
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single()).isEqualTo(rounds * perRound);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM finding_history").query(Long.class).single())
			.isEqualTo(rounds * perRound);
	}

	@Test
	void reportsProgressInBytesUpToTheWholeInput() throws Exception {
		var findings = new ArrayList<ObjectNode>();
		for (int i = 0; i < 2 * FindingsIntake.CHUNK + 200; i++) {
			findings.add(s3("bucket-" + i, "FAILED", "2026-11-28T08:00:00Z"));
		}
		byte[] input = Shape.ARRAY.write.apply(findings).getBytes(StandardCharsets.UTF_8);
		List<long[]> calls = new ArrayList<>();

		var result = intake.accept(new ByteArrayInputStream(input), IntakeChannel.FILE, "file:big.json", ROBOT,
				(bytes, count) -> calls.add(new long[] { bytes, count }));

		assertThat(result.received()).isEqualTo(findings.size());
		assertThat(result.digest())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input)));
		assertThat(calls).extracting(c -> c[1]).containsExactly(500L, 1000L, 1200L);
		var bytes = calls.stream().map(c -> c[0]).toList();
		assertThat(bytes).isSorted().doesNotHaveDuplicates().allMatch(b -> b > 0);
		assertThat(bytes.getLast()).isEqualTo(input.length);
		assertThat(bytes.getFirst()).isLessThan(input.length / 2);
	}

	@Test
	void countsFailingAndPassingResourcesPerControl() {
		intake.accept(json(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z"),
				s3("example-logs", "123456789012", "us-east-1", "FAILED", "2026-11-28T08:00:00Z"),
				s3("example-site", "PASSED", "2026-11-28T08:00:00Z"), fixture("guardduty-ssh-brute-force.json"),
				fixture("cis-1.2-unused-credentials.json")), IntakeChannel.API, "securityhub", ROBOT);

		var results = posture.results();

		assertThat(results.get("S3.8")).satisfies(s3 -> {
			assertThat(s3.failingResources()).isEqualTo(2);
			assertThat(s3.passingResources()).isEqualTo(1);
			assertThat(s3.status()).isEqualTo(ReadinessStatus.FAILING);
		});
		// the CIS finding is a WARNING: neither failing nor passing
		assertThat(results.get("IAM.8")).satisfies(iam -> {
			assertThat(iam.failingResources()).isZero();
			assertThat(iam.passingResources()).isZero();
		});
		assertThat(results).containsOnlyKeys("S3.8", "IAM.8");
		assertThat(posture.failingByScope("S3.8")).containsExactly(new ScopeCount("123456789012", "ap-northeast-1", 1),
				new ScopeCount("123456789012", "us-east-1", 1));
	}

	@Test
	void groupsFailingResourcesPerAccountAndRegionMostFirst() {
		intake.accept(json(s3("a", "111111111111", "us-east-1", "FAILED", "2026-11-28T08:00:00Z"),
				s3("b", "222222222222", "eu-west-1", "FAILED", "2026-11-28T08:00:00Z"),
				s3("c", "222222222222", "eu-west-1", "FAILED", "2026-11-28T08:00:00Z"),
				s3("d", "222222222222", "us-east-1", "FAILED", "2026-11-28T08:00:00Z"),
				s3("e", "111111111111", "us-east-1", "PASSED", "2026-11-28T08:00:00Z"),
				s3("f", "333333333333", "us-east-1", "FAILED", "2026-11-28T08:00:00Z",
						f -> workflow(f).put("Status", "SUPPRESSED")),
				s3("g", "333333333333", "us-east-1", "FAILED", "2026-11-28T08:00:00Z",
						f -> f.put("RecordState", "ARCHIVED"))),
				IntakeChannel.API, "securityhub", ROBOT);

		assertThat(posture.failingByScope("S3.8")).containsExactly(new ScopeCount("222222222222", "eu-west-1", 2),
				new ScopeCount("111111111111", "us-east-1", 1), new ScopeCount("222222222222", "us-east-1", 1));
		assertThat(posture.failingByScope("S3.1")).isEmpty();
		assertThat(posture.results().get("S3.8").failingResources()).isEqualTo(4);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Compliance PASSED", "RecordState ARCHIVED", "Workflow SUPPRESSED" })
	void aNewerVersionThatNoLongerFailsStopsCountingAsFailing(String change) {
		intake.accept(json(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z"),
				s3("example-logs", "123456789012", "us-east-1", "FAILED", "2026-11-28T08:00:00Z"),
				s3("example-site", "PASSED", "2026-11-28T08:00:00Z")), IntakeChannel.API, "securityhub", ROBOT);
		Consumer<ObjectNode> newer = switch (change) {
			case "Compliance PASSED" -> f -> compliance(f).put("Status", "PASSED");
			case "RecordState ARCHIVED" -> f -> f.put("RecordState", "ARCHIVED");
			case "Workflow SUPPRESSED" -> f -> workflow(f).put("Status", "SUPPRESSED");
			default -> throw new IllegalArgumentException(change);
		};

		var result = intake.accept(
				json(s3("example-invoices", "FAILED", "2026-11-28T10:00:00Z", newer),
						s3("example-logs", "123456789012", "us-east-1", "FAILED", "2026-11-28T10:00:00Z", newer)),
				IntakeChannel.WEBHOOK, "eventbridge", ROBOT);

		assertThat(result.updated()).isEqualTo(2);
		var s3 = posture.results().get("S3.8");
		assertThat(s3.failingResources()).isZero();
		assertThat(s3.passingResources()).isEqualTo(change.equals("Compliance PASSED") ? 3 : 1);
		assertThat(s3.status()).isEqualTo(ReadinessStatus.PASSING);
		assertThat(posture.failingByScope("S3.8")).isEmpty();
	}

	@Test
	void aFailingSecurityHubControlMakesItsCriterionFailUntilItPasses() {
		var boundary = CriterionId.of("CC6.6");
		assertThat(readiness.criterion(boundary).orElseThrow().status()).isNotEqualTo(ReadinessStatus.FAILING);

		intake.accept(json(s3("example-invoices", "FAILED", "2026-11-28T08:00:00Z"),
				s3("example-site", "PASSED", "2026-11-28T08:00:00Z")), IntakeChannel.API, "securityhub", ROBOT);

		var failing = readiness.criterion(boundary).orElseThrow();
		assertThat(failing.status()).isEqualTo(ReadinessStatus.FAILING);
		assertThat(failing.failingSecurityHubControls()).extracting(SecurityHubControl::id).containsExactly("S3.8");
		assertThat(failing.checkResult("S3.8")).hasValueSatisfying(r -> assertThat(r.failingResources()).isEqualTo(1));

		intake.accept(json(s3("example-invoices", "PASSED", "2026-11-28T09:00:00Z")), IntakeChannel.WEBHOOK,
				"eventbridge", ROBOT);

		var passing = readiness.criterion(boundary).orElseThrow();
		assertThat(passing.status()).isNotEqualTo(ReadinessStatus.FAILING);
		assertThat(passing.failingSecurityHubControls()).isEmpty();
		assertThat(passing.checkResult("S3.8")).hasValueSatisfying(r -> {
			assertThat(r.failingResources()).isZero();
			assertThat(r.passingResources()).isEqualTo(2);
		});
	}

	private long findingRows() {
		return jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single();
	}

	private long historyRows() {
		return jdbc.sql("SELECT COUNT(*) FROM finding_history").query(Long.class).single();
	}

	private static List<ObjectNode> samples() {
		return new ArrayList<>(SAMPLES.stream().map(AsffNormaliserTests::fixture).toList());
	}

	private static ObjectNode fixture(String name) {
		return AsffNormaliserTests.fixture(name);
	}

	private static String fixtureText(String name) {
		return JSON
			.writeValueAsString(JSON.readTree(AsffNormaliserTests.class.getResourceAsStream("/findings/" + name)));
	}

	/** The FSBP S3.8 finding for another bucket in ap-northeast-1. */
	private static ObjectNode s3(String bucket, String status, String updatedAt) {
		return s3(bucket, "123456789012", "ap-northeast-1", status, updatedAt);
	}

	private static ObjectNode s3(String bucket, String status, String updatedAt, Consumer<ObjectNode> change) {
		return s3(bucket, "123456789012", "ap-northeast-1", status, updatedAt, change);
	}

	private static ObjectNode s3(String bucket, String account, String region, String status, String updatedAt) {
		return s3(bucket, account, region, status, updatedAt, f -> {
		});
	}

	private static ObjectNode s3(String bucket, String account, String region, String status, String updatedAt,
			Consumer<ObjectNode> change) {
		var finding = fixture("fsbp-s3.8-failed.json");
		finding.put("Id", "arn:aws:securityhub:" + region + ":" + account + ":security-control/S3.8/finding/" + bucket);
		finding.put("ProductArn", "arn:aws:securityhub:" + region + "::product/aws/securityhub");
		finding.put("AwsAccountId", account);
		finding.put("Region", region);
		finding.put("UpdatedAt", updatedAt);
		var resource = (ObjectNode) finding.get("Resources").get(0);
		resource.put("Id", "arn:aws:s3:::" + bucket);
		resource.put("Region", region);
		compliance(finding).put("Status", status);
		change.accept(finding);
		return finding;
	}

	private static String json(ObjectNode... findings) {
		return Shape.ARRAY.write.apply(Arrays.asList(findings));
	}

	private static ArrayNode array(List<ObjectNode> findings) {
		var array = JSON.createArrayNode();
		findings.forEach(array::add);
		return array;
	}

	private static ObjectNode envelope(List<ObjectNode> findings) {
		var envelope = JSON.createObjectNode();
		envelope.put("version", "0");
		envelope.put("id", "1622bd23-7237-fdec-8fb0-a019cccfd3cb");
		envelope.put("detail-type", "Security Hub Findings - Imported");
		envelope.put("source", "aws.securityhub");
		envelope.put("account", "123456789012");
		envelope.put("time", "2026-11-28T08:12:11Z");
		envelope.put("region", "ap-northeast-1");
		var resources = envelope.putArray("resources");
		findings.forEach(f -> resources.add(f.get("Id").asString()));
		envelope.putObject("detail").set("findings", array(findings));
		return envelope;
	}

	private static String pretty(JsonNode node) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
	}

	private static ObjectNode severity(ObjectNode finding) {
		return (ObjectNode) finding.get("Severity");
	}

	private static ObjectNode compliance(ObjectNode finding) {
		return (ObjectNode) finding.get("Compliance");
	}

	private static ObjectNode workflow(ObjectNode finding) {
		return (ObjectNode) finding.get("Workflow");
	}

}
