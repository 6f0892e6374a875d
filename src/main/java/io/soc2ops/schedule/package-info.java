/**
 * Recurring work, safe in a cluster: modules contribute
 * {@link io.soc2ops.schedule.RecurringTask} beans, and each slot of each task runs on
 * exactly one instance (db-scheduler, on the {@code scheduled_tasks} table of the shared
 * database). Records what every run did and tells per task when it last ran, how that
 * went and when it runs next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schedule")
@org.jspecify.annotations.NullMarked
package io.soc2ops.schedule;
