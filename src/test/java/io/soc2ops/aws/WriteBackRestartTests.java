package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.alerting.FindingWorkflowUpdate;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.findings.FindingKey;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A write-back survives a stop: the update waits in the event publication registry, and
 * the next start writes it back and records it once.
 */
class WriteBackRestartTests {

	static final String ADMIN = "111122223333";

	static final LocalAws aws = LocalAws.start();

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void anUpdateCutOffByAStopIsWrittenBackWhenTheApplicationStartsAgain() throws InterruptedException {
		var database = TestDatabases.fresh();
		String alertId = UUID.randomUUID().toString();
		var update = new FindingWorkflowUpdate(alertId,
				new FindingKey("arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/" + alertId,
						"arn:aws:securityhub:ap-northeast-1::product/aws/guardduty"),
				"444455556666", "ap-northeast-1", FindingWorkflowUpdate.Status.NOTIFIED, "soc2ops alert " + alertId,
				"soc2ops");
		var held = aws.hold("BatchUpdateFindings");

		try (var first = application(database)) {
			new TransactionTemplate(first.getBean(PlatformTransactionManager.class))
				.executeWithoutResult(status -> first.publishEvent(update));
			held.awaitArrival();
		}
		assertThat(recorded(database, alertId)).as("nothing recorded for the call cut off").isEmpty();
		assertThat(incomplete(database)).isEqualTo(1);
		// lets the first application's call be answered, after that application is gone
		aws.reset();

		try (var second = application(database)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> !recorded(database, alertId).isEmpty());
			assertThat(recorded(database, alertId)).containsExactly("finding.workflow-updated");
			await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(database) == 0);
		}
		assertThat(aws.calls("BatchUpdateFindings")).isNotEmpty()
			.allSatisfy(call -> assertThat(call.body()).contains(alertId));
	}

	private static ConfigurableApplicationContext application(Map<String, Object> database) {
		var properties = new HashMap<>(database);
		properties.put("soc2ops.aws.enabled", "true");
		properties.put("soc2ops.aws.regions", "ap-northeast-1");
		properties.put("soc2ops.aws.endpoint", aws.endpoint().toString());
		properties.put("soc2ops.aws.write-back.enabled", "true");
		return new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("awsCredentials", (AwsCredentialsProvider) LocalSettings.credentials(ADMIN)))
			.run(properties.entrySet()
				.stream()
				.map(p -> "--" + p.getKey() + "=" + p.getValue())
				.toArray(String[]::new));
	}

	private static List<String> recorded(Map<String, Object> database, String alertId) {
		return JdbcClient.create(TestDatabases.dataSource(database))
			.sql("SELECT action FROM evidence_entry WHERE subject = :subject AND action LIKE 'finding.workflow-%'")
			.param("subject", "alert:" + alertId)
			.query(String.class)
			.list();
	}

	private static long incomplete(Map<String, Object> database) {
		return JdbcClient.create(TestDatabases.dataSource(database))
			.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id = :listener AND completion_date IS NULL")
			.param("listener", FindingWriteBack.LISTENER_ID)
			.query(Long.class)
			.single();
	}

}
