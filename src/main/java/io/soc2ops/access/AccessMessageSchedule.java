package io.soc2ops.access;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * The topics of the access outbox, each with its feature's retry settings, and every
 * minute the delivery of what is due of them (a message's own backoff decides when it is
 * due).
 */
@Configuration(proxyBeanMethods = false)
class AccessMessageSchedule {

	static final Duration EVERY = Duration.ofMinutes(1);

	@Bean
	AccessMessageTopic accessRequestNoticeTopic(AccessRequestSettings settings) {
		return AccessRequestNotices.topic(settings.requests());
	}

	@Bean
	AccessMessageTopic accessUnapprovedTopic(ReconciliationSettings settings) {
		return ReconciliationRunner.topic(settings);
	}

	@Bean
	AccessMessageTopic accessReviewReminderTopic(ReviewSettings settings) {
		return ReviewReminders.topic(settings);
	}

	@Bean
	RecurringTask accessMessagesTask(AccessMessageCourier courier) {
		return new RecurringTask("access.messages", Schedule.every(EVERY), courier::sweep);
	}

}
