package io.soc2ops.schedule;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link RecurringTask} the modules contribute, by name.
 */
@Component
class RecurringTasks {

	private final List<RecurringTask> tasks;

	RecurringTasks(ObjectProvider<RecurringTask> tasks) {
		this.tasks = tasks.orderedStream().sorted(Comparator.comparing(RecurringTask::name)).toList();
		var names = new HashSet<String>();
		for (var task : this.tasks) {
			if (!names.add(task.name())) {
				throw new IllegalStateException("two recurring tasks are named '" + task.name() + "'");
			}
		}
	}

	List<RecurringTask> all() {
		return tasks;
	}

}
