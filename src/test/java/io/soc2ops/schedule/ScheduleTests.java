package io.soc2ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Recurring tasks on one instance with scheduling on: each runs on its schedule, every
 * run is recorded, a failed run is retried at the next slot. The context is closed
 * afterwards so that its scheduler stops.
 */
@SpringBootTest(properties = { "soc2ops.schedule.enabled=true", "soc2ops.schedule.polling-interval=100ms",
		"soc2ops.schedule.instance-name=node-1" })
@DirtiesContext
class ScheduleTests {

	static final Duration DEADLINE = Duration.ofSeconds(30);

	static final AtomicInteger counted = new AtomicInteger();

	static final AtomicInteger failed = new AtomicInteger();

	static final LocalTime DAILY_AT = LocalTime.of(0, 10);

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static final Instant CONTEXT_STARTING = Instant.now();

	@TestConfiguration
	static class Tasks {

		@Bean
		RecurringTask counter() {
			return new RecurringTask("test.counter", Schedule.every(Duration.ofMillis(300)), counted::incrementAndGet);
		}

		@Bean
		RecurringTask failing() {
			return new RecurringTask("test.failing", Schedule.every(Duration.ofMillis(300)), () -> {
				failed.incrementAndGet();
				throw new IllegalStateException("the bucket soc2ops-evidence is gone");
			});
		}

		@Bean
		RecurringTask daily() {
			return new RecurringTask("test.daily", Schedule.dailyAt(DAILY_AT, TOKYO), () -> {
			});
		}

	}

	@Autowired
	Schedules schedules;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTaskRunsOnItsScheduleAndEveryRunIsRecorded() {
		await().atMost(DEADLINE).until(() -> runs("test.counter") >= 3);

		var status = status("test.counter");
		assertThat(status.lastRun()).isNotNull().satisfies(last -> {
			assertThat(last.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
			assertThat(last.instance()).isEqualTo("node-1");
			assertThat(last.message()).isEmpty();
			assertThat(last.finishedAt()).isAfterOrEqualTo(last.startedAt());
		});
		assertThat(counted.get()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT slot) FROM schedule_run WHERE task_name = 'test.counter'")
			.query(Long.class)
			.single()).isEqualTo(runs("test.counter"));
	}

	@Test
	void aFailedRunIsRecordedWithItsMessageAndTriedAgainAtTheNextSlot() {
		await().atMost(DEADLINE).until(() -> runs("test.failing") >= 2);

		assertThat(status("test.failing").lastRun()).isNotNull().satisfies(last -> {
			assertThat(last.outcome()).isEqualTo(RunOutcome.FAILED);
			assertThat(last.message()).isEqualTo("the bucket soc2ops-evidence is gone");
		});
		assertThat(failed.get()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aDailyTaskIsDueAtItsNextTimeOfDayInItsZone() {
		var status = status("test.daily");

		assertThat(status.lastRun()).isNull();
		assertThat(status.runningOn()).isNull();
		assertThat(status.nextRun()).isIn(nextDailyAfter(CONTEXT_STARTING), nextDailyAfter(Instant.now()));
	}

	@Test
	void everyTaskIsListedByName() {
		assertThat(schedules.status()).extracting(ScheduleStatus::task)
			.filteredOn(task -> task.startsWith("test."))
			.containsExactly("test.counter", "test.daily", "test.failing");
		assertThat(schedules.runHere()).isTrue();
		assertThat(schedules.instanceName()).isEqualTo("node-1");
	}

	private ScheduleStatus status(String task) {
		return schedules.status().stream().filter(s -> s.task().equals(task)).findFirst().orElseThrow();
	}

	private long runs(String task) {
		return jdbc.sql("SELECT COUNT(*) FROM schedule_run WHERE task_name = :task")
			.param("task", task)
			.query(Long.class)
			.single();
	}

	private static Instant nextDailyAfter(Instant instant) {
		var at = ZonedDateTime.ofInstant(instant, TOKYO).with(DAILY_AT);
		return (at.toInstant().isAfter(instant) ? at : at.plusDays(1)).toInstant();
	}

}
