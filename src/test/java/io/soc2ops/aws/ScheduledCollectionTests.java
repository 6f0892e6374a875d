package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.schedule.RunOutcome;
import io.soc2ops.schedule.Schedule;
import io.soc2ops.schedule.ScheduleStatus;
import io.soc2ops.schedule.Schedules;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * With AWS enabled and scheduling on, Security Hub is collected on its own: right after
 * the first start, then {@code soc2ops.aws.collect-every} after each run. A run that
 * cannot collect an account-Region is recorded as failed and the next one tries again.
 * The local AWS endpoint is scripted before the context starts, since the first
 * collection starts with it.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=" + ScheduledCollectionTests.TOKYO,
		"soc2ops.aws.max-attempts=1", "soc2ops.aws.collect-every=500ms", "soc2ops.aws.check-daily-at=05:30",
		"soc2ops.schedule.enabled=true", "soc2ops.schedule.polling-interval=100ms",
		"soc2ops.schedule.instance-name=collector-1" })
@DirtiesContext
class ScheduledCollectionTests {

	static final String ACCOUNT = "444455556666";

	static final String TOKYO = "ap-northeast-1";

	static final Duration DEADLINE = Duration.ofSeconds(60);

	static final LocalAws aws = LocalAws.start()
		.standards(ACCOUNT, TOKYO, LocalAws.FSBP, LocalAws.CIS)
		.findings(ACCOUNT, TOKYO, SampleFindings.s3Buckets(ACCOUNT, TOKYO, 3, Instant.now().minusSeconds(3600)));

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class AccountCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalSettings.credentials(ACCOUNT);
		}

	}

	@Autowired
	Schedules schedules;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void theScheduledCollectionStoresTheFindingsAndAFailedRunIsTriedAgainAtTheNextSlot() {
		await().atMost(DEADLINE).until(() -> findings() == 3 && lastOutcome() == RunOutcome.SUCCEEDED);

		assertThat(ledger.page(Long.MAX_VALUE, 50))
			.anySatisfy(entry -> assertThat(entry.action() + " by " + entry.actor())
				.isEqualTo("findings.imported by system:collector"));

		aws.throttle("GetFindings", 1);
		await().atMost(DEADLINE).until(() -> lastOutcome() == RunOutcome.FAILED);
		var failed = collection().lastRun();
		assertThat(failed).isNotNull();
		assertThat(failed.instance()).isEqualTo("collector-1");
		assertThat(failed.message()).contains("1 of 1 account-Regions not collected", ACCOUNT + "/" + TOKYO,
				"securityhub:GetFindings", "ThrottlingException");

		await().atMost(DEADLINE).until(() -> lastOutcome() == RunOutcome.SUCCEEDED);
		assertThat(collection().lastRun().startedAt()).isAfter(failed.finishedAt());
		assertThat(findings()).isEqualTo(3);
	}

	@Test
	void theConnectionCheckIsDueDailyAtItsTimeInUtc() {
		var check = status(AwsSchedule.CHECK);

		assertThat(check.schedule()).isEqualTo(Schedule.dailyAt(LocalTime.of(5, 30), ZoneOffset.UTC));
		var now = ZonedDateTime.now(ZoneOffset.UTC);
		var today = now.with(LocalTime.of(5, 30));
		assertThat(check.nextRun()).isIn(today.toInstant(), today.plusDays(1).toInstant());
		assertThat(check.nextRun()).isAfter(now.minusMinutes(1).toInstant());
	}

	private ScheduleStatus collection() {
		return status(AwsSchedule.COLLECTION);
	}

	private ScheduleStatus status(String task) {
		return schedules.status().stream().filter(s -> s.task().equals(task)).findFirst().orElseThrow();
	}

	private RunOutcome lastOutcome() {
		var last = collection().lastRun();
		return last == null ? null : last.outcome();
	}

	private long findings() {
		return jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single();
	}

}
