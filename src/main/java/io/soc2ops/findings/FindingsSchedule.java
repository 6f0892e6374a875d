package io.soc2ops.findings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * What the findings module runs on the schedule. Today's posture snapshot is taken every
 * hour, each replacing the one before, so the snapshot a day keeps is at most an hour
 * short of its end; the retention purge runs once a day at a quiet hour.
 */
@Configuration(proxyBeanMethods = false)
class FindingsSchedule {

	static final Duration SNAPSHOT_EVERY = Duration.ofHours(1);

	@Bean
	RecurringTask postureSnapshotTask(DailyPostureSnapshot snapshot) {
		return new RecurringTask("findings.posture-snapshot", Schedule.every(SNAPSHOT_EVERY), snapshot);
	}

	@Bean
	RecurringTask findingRetentionTask(FindingRetention retention) {
		return new RecurringTask("findings.retention", Schedule.dailyAt(LocalTime.of(3, 30), ZoneOffset.UTC),
				retention::purge);
	}

}
