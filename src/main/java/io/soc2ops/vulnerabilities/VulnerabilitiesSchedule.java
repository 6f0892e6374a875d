package io.soc2ops.vulnerabilities;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * What the vulnerabilities module runs on the schedule, hourly: the policy version in
 * force applied to open vulnerabilities (a version effective from a later day takes over
 * on that day; stragglers an intake stamped with the old version while a new one was
 * approved are caught up), and the ledger entry for each exception whose expiry day has
 * passed. Neither decides a status: that follows from due times and expiry days alone.
 * And every {@code soc2ops.vulnerabilities.notify.every} (5 minutes), the notices of
 * vulnerabilities due soon and breached, the weekly digests, and their delivery.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class VulnerabilitiesSchedule {

	static final Duration EVERY = Duration.ofHours(1);

	@Bean
	RecurringTask policyInForceTask(SlaRecompute recompute) {
		return new RecurringTask("vulnerabilities.policy-in-force", Schedule.every(EVERY),
				() -> recompute.applyPolicyInForce(PolicyApprovals.ACTOR));
	}

	@Bean
	RecurringTask exceptionExpiryTask(RiskAcceptances exceptions) {
		return new RecurringTask("vulnerabilities.exception-expiry", Schedule.every(EVERY), exceptions::recordExpiries);
	}

	@Bean
	RecurringTask notificationsTask(VulnerabilityNotifications notifications, NotificationSettings settings) {
		return new RecurringTask("vulnerabilities.notifications", Schedule.every(settings.every()),
				notifications::sweep);
	}

}
