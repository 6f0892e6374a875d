package io.soc2ops.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * What access requests run on the schedule, every {@code soc2ops.access.requests.every}
 * (1 minute): reminders to approvers (the access outbox's task posts them,
 * {@link AccessMessageSchedule}); soc2ops's own Identity Center grants and deletions
 * (where configured); and the expiry of access whose end passed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessRequestSettings.class)
class AccessRequestSchedule {

	@Bean
	RecurringTask accessRequestNoticesTask(AccessRequestNotices notices, AccessRequestSettings settings) {
		return new RecurringTask("access.request-notices", Schedule.every(settings.requests().every()), notices::sweep);
	}

	@Bean
	RecurringTask accessGrantsTask(GrantCourier courier, AccessRequestSettings settings) {
		return new RecurringTask("access.request-grants", Schedule.every(settings.requests().every()), courier::sweep);
	}

	@Bean
	RecurringTask accessExpiryTask(GrantExpiry expiry, AccessRequestSettings settings) {
		return new RecurringTask("access.request-expiry", Schedule.every(settings.requests().every()), expiry::sweep);
	}

}
