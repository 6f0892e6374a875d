package io.soc2ops.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * Every {@code soc2ops.access.reviews.every} (1 hour): the reminders to reviewers of
 * campaigns due soon or overdue (the access outbox's task posts them,
 * {@link AccessMessageSchedule}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewSettings.class)
class ReviewSchedule {

	@Bean
	RecurringTask accessReviewRemindersTask(ReviewReminders reminders, ReviewSettings settings) {
		return new RecurringTask("access.review-reminders", Schedule.every(settings.every()), reminders::sweep);
	}

}
