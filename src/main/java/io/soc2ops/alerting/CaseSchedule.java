package io.soc2ops.alerting;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * Cases' targets, and the reminder sweep every minute, so a reminder is at most a minute
 * late.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseTargets.class)
class CaseSchedule {

	static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	@Bean
	RecurringTask caseReminderTask(CaseReminderSweep sweep) {
		return new RecurringTask("alerting.case-reminders", Schedule.every(SWEEP_EVERY), sweep);
	}

}
