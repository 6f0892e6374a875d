package io.soc2ops.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * Reconciliation on the schedule, every {@code soc2ops.access.unapproved.every} (15
 * minutes): it catches cover that expired with nothing else changing, and posts the
 * announcements a failed post left waiting. (The runner rather than
 * {@link AccessReconciliation}: that one waits for the schedule module, which waits for
 * this task.)
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationSchedule {

	@Bean
	RecurringTask accessReconciliationTask(ReconciliationRunner runner, ReconciliationSettings settings) {
		return new RecurringTask("access.reconciliation", Schedule.every(settings.every()),
				() -> runner.run("schedule"));
	}

}
