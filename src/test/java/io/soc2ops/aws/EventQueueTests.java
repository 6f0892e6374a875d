package io.soc2ops.aws;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.soc2ops.aws.local.LocalQueue;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.web.EventsApiFixtures;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQS queue an EventBridge rule targets, against ElasticMQ: events are stored and
 * then deleted; a refused event stays for the redrive policy; an event the database
 * refused comes again and is stored once; a missing queue is retried without end.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1",
		"soc2ops.aws.queue.wait-time=1s", "soc2ops.aws.queue.visibility-timeout=1s",
		"soc2ops.aws.queue.retry-delay=100ms", "soc2ops.aws.queue.max-retry-delay=400ms" })
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc
class EventQueueTests {

	static final Duration LIMIT = Duration.ofSeconds(30);

	static final int MAX_RECEIVES = 3;

	static final LocalQueue sqs = LocalQueue.start();

	static final String DEAD_LETTERS = sqs.create("findings-dead-letters");

	static final String QUEUE = sqs.create("findings", DEAD_LETTERS, MAX_RECEIVES);

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void queue(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> sqs.endpoint().toString());
		registry.add("soc2ops.aws.queue.url", () -> QUEUE);
	}

	@TestConfiguration
	static class QueueCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalQueue.credentials();
		}

	}

	@Autowired
	EventQueue queue;

	@Autowired
	AwsClients clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	MeterRegistry metrics;

	@AfterAll
	static void stop() {
		sqs.close();
	}

	@Test
	void eventsOnTheQueueAreStoredAsQueueFindingsThenDeleted() {
		double accepted = metrics.counter("soc2ops.queue.accepted").count();
		long stored = queue.status().stored();

		sqs.send(QUEUE, envelope("stored", "s1", "s2"));
		sqs.send(QUEUE, envelope("stored-2", "s3", "s4"));

		LocalQueue.await("both events stored", LIMIT, () -> findings("s%") == 4);
		LocalQueue.await("both messages deleted", LIMIT, () -> sqs.messages(QUEUE) == 0);
		assertThat(jdbc.sql("SELECT DISTINCT channel FROM finding WHERE finding_id LIKE :p")
			.param("p", "%/finding/s%")
			.query(String.class)
			.list()).containsExactly("QUEUE");
		var imports = ledger.about("findings:QUEUE", 50);
		assertThat(imports).hasSizeGreaterThanOrEqualTo(2).allSatisfy(entry -> {
			assertThat(entry.actor()).isEqualTo(Actor.system("queue"));
			assertThat(payload(entry.payload()).path("origin").asString()).isEqualTo(QUEUE);
		});
		var status = queue.status();
		assertThat(status.polling()).isTrue();
		assertThat(status.queueUrl()).isEqualTo(QUEUE);
		assertThat(status.lastReceiveAt()).isNotNull();
		assertThat(status.stored()).isEqualTo(stored + 2);
		assertThat(metrics.counter("soc2ops.queue.accepted").count()).isEqualTo(accepted + 2);
	}

	@Test
	void theAwsPageShowsHowTheQueueIsWorked() throws Exception {
		sqs.send(QUEUE, envelope("page", "queuepage1"));
		LocalQueue.await("the event stored", LIMIT, () -> findings("queuepage%") == 1);
		long stored = queue.status().stored();

		String html = mvc.perform(get("/aws").with(user("audrey").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"aws-queue\"", QUEUE);
		assertThat(html).containsPattern("id=\"aws-queue-polling\">yes<");
		assertThat(html).contains("id=\"aws-queue-stored\">" + stored + "<");
	}

	@Test
	void aRefusedEventStaysOnTheQueueUntilTheRedrivePolicyMovesItToTheDeadLetterQueue(CapturedOutput output) {
		double rejectedBefore = metrics.counter("soc2ops.queue.rejected", "reason", "invalid").count();
		long ledgerBefore = ledger.size();
		String body = envelope("refused", "r1", "r2").replace("\"AwsAccountId\":\"444455556666\"",
				"\"AwsAccountId\":\"not-an-account-7f3a\"");

		String messageId = sqs.send(QUEUE, body);

		LocalQueue.await("the refused event in the dead-letter queue", LIMIT, () -> sqs.messages(DEAD_LETTERS) == 1);
		assertThat(sqs.drain(DEAD_LETTERS)).singleElement()
			.satisfies(message -> assertThat(message.body()).isEqualTo(body));
		assertThat(findings("r%")).isZero();
		assertThat(ledger.size()).isEqualTo(ledgerBefore);
		assertThat(queue.status().lastError()).contains(messageId, "record 1", "AwsAccountId");
		assertThat(metrics.counter("soc2ops.queue.rejected", "reason", "invalid").count())
			.as("counted once over its %d receives", MAX_RECEIVES)
			.isEqualTo(rejectedBefore + 1);
		assertThat(output.getAll().lines().filter(line -> line.contains(messageId))).as("logged once").hasSize(1);
		assertThat(output.getAll()).doesNotContain("not-an-account-7f3a");
	}

	@Test
	void anEventTheDatabaseRefusedMidwayIsNotDeletedAndIsStoredOnceWhenItComesAgain() {
		String refused = "ALTER TABLE finding_history RENAME TO finding_history_away";
		jdbc.sql(refused).update();
		try {
			sqs.send(QUEUE, envelope("database-down", "d1", "d2"));

			LocalQueue.await("the failure reported", LIMIT,
					() -> String.valueOf(queue.status().lastError()).contains("will come again"));
			assertThat(findings("d%")).as("the finding rows of the failed transaction").isZero();
			assertThat(sqs.messages(QUEUE)).isEqualTo(1);
		}
		finally {
			jdbc.sql("ALTER TABLE finding_history_away RENAME TO finding_history").update();
		}

		LocalQueue.await("the event stored when it came again", LIMIT, () -> findings("d%") == 2);
		LocalQueue.await("the message deleted", LIMIT, () -> sqs.messages(QUEUE) == 0);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM finding_history h JOIN finding f ON f.finding_key = h.finding_key"
					+ " WHERE f.finding_id LIKE :p")
			.param("p", "%/finding/d%")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aMissingQueueIsReportedAndRetriedUntilItIsThere() {
		double failures = metrics.counter("soc2ops.queue.failures", "call", "ReceiveMessage").count();
		sqs.delete(QUEUE);
		try {
			LocalQueue.await("the missing queue reported", LIMIT,
					() -> String.valueOf(queue.status().lastError()).contains("sqs:ReceiveMessage"));
			LocalQueue.await("retried", LIMIT,
					() -> metrics.counter("soc2ops.queue.failures", "call", "ReceiveMessage").count() >= failures + 3);
			assertThat(queue.status().lastError()).contains(QUEUE);
			assertThat(queue.status().polling()).isTrue();
		}
		finally {
			sqs.create("findings", DEAD_LETTERS, MAX_RECEIVES);
		}

		sqs.send(QUEUE, envelope("after-outage", "o1"));

		LocalQueue.await("the event stored once the queue is back", LIMIT, () -> findings("o%") == 1);
	}

	@Test
	void theQueuePolicyGrantsExactlyTheCallsThePollerMakes() throws IOException {
		sqs.send(QUEUE, envelope("policy", "p1"));
		LocalQueue.await("the event stored", LIMIT, () -> findings("queuepage%") == 1);
		LocalQueue.await("the message deleted", LIMIT, () -> sqs.messages(QUEUE) == 0);

		Set<String> called = clients.limits()
			.buckets()
			.keySet()
			.stream()
			.map(bucket -> "sqs:" + bucket.substring("Sqs:".length(), bucket.indexOf('@')))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(called).isEqualTo(policyActions());
	}

	static Set<String> policyActions() throws IOException {
		JsonNode policy;
		try (var in = new ClassPathResource("aws/soc2ops-queue-policy.json").getInputStream()) {
			policy = JsonMapper.builder().build().readTree(in);
		}
		var actions = new HashSet<String>();
		for (JsonNode statement : policy.path("Statement")) {
			assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
			assertThat(statement.path("Resource").asString()).startsWith("arn:aws:sqs:");
			statement.path("Action").forEach(action -> actions.add(action.asString()));
		}
		return new TreeSet<>(actions);
	}

	private long findings(String idPattern) {
		return jdbc.sql("SELECT COUNT(*) FROM finding WHERE finding_id LIKE :p")
			.param("p", "%/finding/" + idPattern)
			.query(Long.class)
			.single();
	}

	/** One EventBridge event with GuardDuty findings of these IDs. */
	static String envelope(String eventId, String... findingIds) {
		return EventsApiFixtures.envelope(eventId,
				List.of(findingIds)
					.stream()
					.map(id -> EventsApiFixtures.guardDuty(id, "2026-11-20T03:14:00.000Z"))
					.toList());
	}

	private static JsonNode payload(String json) {
		return JsonMapper.builder().build().readTree(json);
	}

}
