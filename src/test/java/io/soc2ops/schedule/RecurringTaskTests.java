package io.soc2ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RecurringTaskTests {

	@Test
	void aNameIsLowercaseWordsWithDotsAndDashes() {
		var task = new RecurringTask("findings.posture-snapshot", Schedule.dailyAt(LocalTime.of(0, 10), ZoneOffset.UTC),
				() -> {
				});

		assertThat(task.name()).isEqualTo("findings.posture-snapshot");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RecurringTask("Posture Snapshot", task.schedule(), () -> {
			}))
			.withMessageContaining("'Posture Snapshot'")
			.withMessageContaining("lowercase");
		assertThatIllegalArgumentException().isThrownBy(() -> new RecurringTask("", task.schedule(), () -> {
		}));
	}

	@Test
	void aFixedDelayIsPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Schedule.every(Duration.ZERO))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> Schedule.every(Duration.ofMinutes(-5)));
	}

	@Test
	void aFixedDelayReadsInUnits() {
		assertThat(new Schedule.FixedDelay(Duration.ofHours(1)).text()).isEqualTo("1h");
		assertThat(new Schedule.FixedDelay(Duration.ofMinutes(90)).text()).isEqualTo("1h 30m");
		assertThat(new Schedule.FixedDelay(Duration.ofMillis(1500)).text()).isEqualTo("1s 500ms");
		assertThat(new Schedule.FixedDelay(Duration.ofDays(1)).text()).isEqualTo("1d");
	}

}
