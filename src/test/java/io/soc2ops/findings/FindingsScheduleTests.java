package io.soc2ops.findings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import io.soc2ops.schedule.Schedule;
import io.soc2ops.schedule.ScheduleStatus;
import io.soc2ops.schedule.Schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With scheduling on, today's posture snapshot is taken at the first start (and hourly
 * after) and the retention purge is scheduled daily, without anyone asking.
 */
@SpringBootTest(properties = { "soc2ops.schedule.enabled=true", "soc2ops.schedule.polling-interval=100ms" })
@DirtiesContext
class FindingsScheduleTests {

	@Autowired
	Schedules schedules;

	@Autowired
	JdbcClient jdbc;

	@Test
	void todaysSnapshotIsTakenOnTheScheduleAndTheRetentionPurgeIsDueDaily() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM evidence_entry WHERE action = 'posture.snapshot-taken'")
				.query(Long.class)
				.single() == 1);

		assertThat(schedules.status()).extracting(ScheduleStatus::task)
			.contains("findings.posture-snapshot", "findings.retention");
		var retention = schedules.status().stream().filter(s -> s.task().equals("findings.retention")).findFirst();
		assertThat(retention).get().satisfies(status -> {
			assertThat(status.schedule()).isEqualTo(Schedule.dailyAt(LocalTime.of(3, 30), ZoneOffset.UTC));
			assertThat(status.nextRun()).isNotNull();
		});
	}

}
