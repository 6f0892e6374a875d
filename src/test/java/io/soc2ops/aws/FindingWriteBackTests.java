package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.alerting.FindingWorkflowUpdate;
import io.soc2ops.alerting.FindingWorkflowUpdate.Status;
import io.soc2ops.aws.WriteBackOutcome.Result;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.FindingKey;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.web.EventsApiFixtures;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With write-back on, the workflow status an alert sets reaches Security Hub as the
 * documented {@code BatchUpdateFindings} request, made by soc2ops's own principal (the
 * Security Hub administrator) in the finding's Region, and every outcome is recorded once
 * in the ledger about the alert and on the AWS page: a refusal without retrying, a
 * finding left unprocessed or throttled after a few tries. The context is shared; each
 * test writes back findings of its own and waits for their outcome.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1",
		"soc2ops.aws.write-back.enabled=true", "soc2ops.aws.write-back.backoff=20ms", "soc2ops.aws.max-attempts=3" })
@AutoConfigureMockMvc
class FindingWriteBackTests {

	/** The Security Hub administrator account soc2ops runs in. */
	static final String ADMIN = "111122223333";

	static final String MEMBER = "444455556666";

	static final String GUARDDUTY = "arn:aws:securityhub:ap-northeast-1::product/aws/guardduty";

	static final Duration LIMIT = Duration.ofSeconds(30);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final LocalAws aws = LocalAws.start();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class AdministratorCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalSettings.credentials(ADMIN);
		}

	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	WriteBacks writeBacks;

	@Autowired
	FindingsIntake intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@BeforeEach
	void reset() {
		aws.reset();
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void notifiedReachesSecurityHubAsTheDocumentedRequestFromTheAdministratorInTheFindingsRegion() {
		var update = update(Status.NOTIFIED, "ap-northeast-3");

		publish(update);

		var entry = outcome(update);
		var call = aws.calls("BatchUpdateFindings").getFirst();
		assertThat(call.account()).isEqualTo(ADMIN);
		assertThat(call.region()).isEqualTo("ap-northeast-3");
		assertThat(call.status()).isEqualTo(200);
		var body = JSON.readTree(call.body());
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("FindingIdentifiers", "Workflow", "Note");
		assertThat(body.path("FindingIdentifiers")).singleElement().satisfies(identifier -> {
			assertThat(identifier.propertyNames()).containsExactlyInAnyOrder("Id", "ProductArn");
			assertThat(identifier.path("Id").asString()).isEqualTo(update.finding().id());
			assertThat(identifier.path("ProductArn").asString()).isEqualTo(GUARDDUTY);
		});
		assertThat(body.path("Workflow").path("Status").asString()).isEqualTo("NOTIFIED");
		assertThat(body.path("Note").path("Text").asString()).isEqualTo(update.note());
		assertThat(body.path("Note").path("UpdatedBy").asString()).isEqualTo("soc2ops");
		assertThat(entry.action()).isEqualTo("finding.workflow-updated");
		assertThat(entry.actor()).isEqualTo(WriteBackLog.WRITER);
		assertThat(entry.module()).isEqualTo("aws");
		var payload = JSON.readTree(entry.payload());
		assertThat(payload.path("findingId").asString()).isEqualTo(update.finding().id());
		assertThat(payload.path("status").asString()).isEqualTo("NOTIFIED");
		assertThat(payload.path("outcome").asString()).isEqualTo("UPDATED");
		assertThat(payload.path("region").asString()).isEqualTo("ap-northeast-3");
		assertThat(writeBacks.status().last()).satisfies(last -> {
			assertThat(last.alertId()).isEqualTo(update.alertId());
			assertThat(last.result()).isEqualTo(Result.UPDATED);
			assertThat(last.calls()).isEqualTo(1);
		});
	}

	@Test
	void closingStatusesAreWrittenBackAndThePolicyGrantsExactlyTheCallMade() throws IOException {
		var resolved = update(Status.RESOLVED, "ap-northeast-1");
		var suppressed = update(Status.SUPPRESSED, "ap-northeast-1");

		publish(resolved);
		publish(suppressed);

		assertThat(outcome(resolved).action()).isEqualTo("finding.workflow-updated");
		assertThat(outcome(suppressed).action()).isEqualTo("finding.workflow-updated");
		assertThat(aws.calls("BatchUpdateFindings"))
			.extracting(call -> JSON.readTree(call.body()).path("Workflow").path("Status").asString())
			.containsExactlyInAnyOrder("RESOLVED", "SUPPRESSED");
		Set<String> called = aws.calls()
			.stream()
			.map(LocalAws.Call::action)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(called).isEqualTo(policyActions());
	}

	@Test
	void aRefusalIsRecordedAsNotPermittedOnceWithoutRetryingAndTheAwsPageSaysSo() throws Exception {
		aws.deny(ADMIN, "BatchUpdateFindings");
		var update = update(Status.NOTIFIED, "ap-northeast-1");
		long failedBefore = writeBacks.status().failed();

		publish(update);

		var entry = outcome(update);
		assertThat(aws.calls("BatchUpdateFindings")).hasSize(1);
		assertThat(entry.action()).isEqualTo("finding.workflow-update-failed");
		var payload = JSON.readTree(entry.payload());
		assertThat(payload.path("outcome").asString()).isEqualTo("NOT_PERMITTED");
		assertThat(payload.path("error").asString()).contains("soc2ops-write-back-policy.json",
				"securityhub:BatchUpdateFindings", "AccessDeniedException");
		var status = writeBacks.status();
		assertThat(status.notPermitted()).isTrue();
		assertThat(status.failed()).isEqualTo(failedBefore + 1);
		String page = mvc.perform(get("/aws").with(user("carol").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"aws-write-back-denied\"",
				"Write-back not permitted: attach soc2ops-write-back-policy.json",
				"not permitted: NOTIFIED for " + update.finding().id());
	}

	@Test
	void aFindingLeftUnprocessedForAPassingReasonIsTriedAFewTimesThenRecorded() {
		var update = update(Status.NOTIFIED, "ap-northeast-1");
		aws.unprocessed(update.finding().id(), "ConcurrentUpdateError", 10);

		publish(update);

		var entry = outcome(update);
		assertThat(aws.calls("BatchUpdateFindings")).hasSize(3);
		assertThat(entry.action()).isEqualTo("finding.workflow-update-failed");
		var payload = JSON.readTree(entry.payload());
		assertThat(payload.path("outcome").asString()).isEqualTo("UNPROCESSED");
		assertThat(payload.path("calls").asInt()).isEqualTo(3);
		assertThat(payload.path("error").asString()).contains("ConcurrentUpdateError");
	}

	@Test
	void aPassingReasonThatClearsEndsInAnUpdate() {
		var update = update(Status.NOTIFIED, "ap-northeast-1");
		aws.unprocessed(update.finding().id(), "InternalFailure", 1);

		publish(update);

		assertThat(outcome(update).action()).isEqualTo("finding.workflow-updated");
		assertThat(aws.calls("BatchUpdateFindings")).hasSize(2);
	}

	@Test
	void aFindingSecurityHubDoesNotKnowIsRecordedWithoutTryingAgain() {
		var update = update(Status.RESOLVED, "ap-northeast-1");
		aws.unprocessed(update.finding().id(), "FindingNotFound", 10);

		publish(update);

		var payload = JSON.readTree(outcome(update).payload());
		assertThat(aws.calls("BatchUpdateFindings")).hasSize(1);
		assertThat(payload.path("outcome").asString()).isEqualTo("UNPROCESSED");
		assertThat(payload.path("error").asString()).contains("FindingNotFound");
	}

	@Test
	void throttlingIsRetriedWithBackoffThenRecordedAsFailed() {
		// a Region of its own: adaptive retry slows down the client that was throttled
		var update = update(Status.NOTIFIED, "eu-west-1");
		aws.throttle("BatchUpdateFindings", 100);

		publish(update);

		var payload = JSON.readTree(outcome(update).payload());
		assertThat(aws.calls("BatchUpdateFindings")).as("soc2ops.aws.max-attempts").hasSize(3);
		assertThat(payload.path("outcome").asString()).isEqualTo("FAILED");
		assertThat(payload.path("error").asString()).contains("ThrottlingException");
	}

	@Test
	void aFindingAlreadyAtTheStatusIsNotUpdatedAgain() {
		String id = "arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/" + UUID.randomUUID();
		String finding = EventsApiFixtures.guardDuty(id.substring(id.lastIndexOf('/') + 1), "2026-11-20T03:14:00.000Z")
			.replace("\"Workflow\":{\"Status\":\"NEW\"}", "\"Workflow\":{\"Status\":\"NOTIFIED\"}");
		intake.accept(EventsApiFixtures.envelope("echo-" + UUID.randomUUID(), List.of(finding)), IntakeChannel.FILE,
				"echo.json", Actor.system("test"));
		var update = new FindingWorkflowUpdate(UUID.randomUUID().toString(), new FindingKey(id, GUARDDUTY), MEMBER,
				"ap-northeast-1", Status.NOTIFIED, "soc2ops alert (echo)", "soc2ops");

		publish(update);

		var payload = JSON.readTree(outcome(update).payload());
		assertThat(payload.path("outcome").asString()).isEqualTo("ALREADY_SET");
		assertThat(aws.calls("BatchUpdateFindings")).isEmpty();
	}

	@Test
	void anEventThroughTheWebhookRaisesAnAlertWhoseFindingSecurityHubMarksNotified() throws Exception {
		String eventId = UUID.randomUUID().toString();
		String findingId = "arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/" + eventId;

		mvc.perform(post("/api/v1/events").header("X-Api-Key", operatorKey())
			.contentType(MediaType.APPLICATION_JSON)
			.content(EventsApiFixtures.envelope(eventId,
					List.of(EventsApiFixtures.guardDuty(eventId, "2026-11-20T03:14:00.000Z")))))
			.andExpect(status().isOk());

		String alertId = jdbc.sql("SELECT id FROM alert WHERE event_id = :event")
			.param("event", eventId)
			.query(String.class)
			.single();
		var entry = outcome(alertId);
		assertThat(entry.action()).isEqualTo("finding.workflow-updated");
		assertThat(aws.calls("BatchUpdateFindings")).singleElement().satisfies(call -> {
			var body = JSON.readTree(call.body());
			assertThat(body.path("FindingIdentifiers").path(0).path("Id").asString()).isEqualTo(findingId);
			assertThat(body.path("FindingIdentifiers").path(0).path("ProductArn").asString()).isEqualTo(GUARDDUTY);
			assertThat(body.path("Workflow").path("Status").asString()).isEqualTo("NOTIFIED");
			assertThat(body.path("Note").path("Text").asString()).contains(alertId);
			assertThat(call.region()).isEqualTo("ap-northeast-1");
		});
	}

	private FindingWorkflowUpdate update(Status status, String region) {
		String id = "arn:aws:guardduty:" + region + ":" + MEMBER + ":detector/abc/finding/" + UUID.randomUUID();
		String alertId = UUID.randomUUID().toString();
		return new FindingWorkflowUpdate(alertId, new FindingKey(id, GUARDDUTY), MEMBER, region, status,
				"soc2ops alert " + alertId + " (rule guardduty-new)", "soc2ops");
	}

	/** As the alerting module does: inside a transaction, delivered after it commits. */
	private void publish(FindingWorkflowUpdate update) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(update));
	}

	private EvidenceEntry outcome(FindingWorkflowUpdate update) {
		return outcome(update.alertId());
	}

	/** The one ledger entry the write-back for this alert records, once it has. */
	private EvidenceEntry outcome(String alertId) {
		await().atMost(LIMIT).until(() -> !writeBackEntries(alertId).isEmpty());
		var entries = writeBackEntries(alertId);
		assertThat(entries).hasSize(1);
		return entries.getFirst();
	}

	private List<EvidenceEntry> writeBackEntries(String alertId) {
		return ledger.about("alert:" + alertId, 10)
			.stream()
			.filter(entry -> entry.action().startsWith("finding.workflow-"))
			.toList();
	}

	private String operatorKey() {
		var username = Username.of("write-back-operator");
		if (users.find(username).isEmpty()) {
			users.create(username, "Write-back operator", Set.of(Role.OPERATOR), "a-long-enough-password",
					Actor.system("test"));
		}
		return tokens.issue(username, "eventbridge", Actor.system("test")).secret();
	}

	static Set<String> policyActions() throws IOException {
		JsonNode policy;
		try (var in = new ClassPathResource("aws/" + WriteBacks.POLICY_FILE).getInputStream()) {
			policy = JSON.readTree(in);
		}
		assertThat(policy.path("Version").asString()).isEqualTo("2012-10-17");
		var actions = new TreeSet<String>();
		for (JsonNode statement : policy.path("Statement")) {
			assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
			statement.path("Action").forEach(action -> actions.add(action.asString()));
		}
		return actions;
	}

}
