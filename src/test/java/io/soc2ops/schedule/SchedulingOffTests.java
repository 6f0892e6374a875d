package io.soc2ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An instance with {@code soc2ops.schedule.enabled=false} (as every test unless it turns
 * scheduling on) schedules nothing and runs nothing, yet still lists the tasks.
 */
@SpringBootTest
class SchedulingOffTests {

	@TestConfiguration
	static class Tasks {

		@Bean
		RecurringTask often() {
			return new RecurringTask("test.often", Schedule.every(Duration.ofMillis(100)), () -> {
				throw new AssertionError("ran although scheduling is off");
			});
		}

	}

	@Autowired
	Schedules schedules;

	@Autowired
	JdbcClient jdbc;

	@Test
	void nothingIsScheduledAndTheTaskIsStillListed() {
		assertThat(schedules.runHere()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks").query(Long.class).single()).isZero();
		assertThat(schedules.status()).allSatisfy(status -> assertThat(status.nextRun()).isNull());
		assertThat(schedules.status()).filteredOn(status -> status.task().startsWith("test."))
			.singleElement()
			.satisfies(status -> {
				assertThat(status.task()).isEqualTo("test.often");
				assertThat(status.nextRun()).isNull();
				assertThat(status.lastRun()).isNull();
			});
	}

}
