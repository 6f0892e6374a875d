package io.soc2ops.vulnerabilities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A deadline as its columns hold it. */
record DeadlineRow(@Nullable Instant dueAt, @Nullable Integer slaDays, @Nullable Integer policyVersion) {

	static DeadlineRow of(Deadline deadline) {
		return switch (deadline) {
			case Deadline.Due due -> new DeadlineRow(due.at(), due.days(), due.policyVersion());
			case Deadline.None none -> new DeadlineRow(null, null, none.policyVersion());
		};
	}

}
