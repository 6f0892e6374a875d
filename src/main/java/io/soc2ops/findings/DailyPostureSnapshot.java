package io.soc2ops.findings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

/**
 * Today's posture snapshot, for a scheduler to run (daily at least; again later in the
 * day replaces today's). Not run after each import: an event can bring one finding at a
 * time, and each snapshot aggregates all of them.
 */
@Component
public class DailyPostureSnapshot implements Runnable {

	private final PostureSnapshots snapshots;

	private final Clock clock;

	DailyPostureSnapshot(PostureSnapshots snapshots, Clock clock) {
		this.snapshots = snapshots;
		this.clock = clock;
	}

	public PostureSnapshot takeToday() {
		return snapshots.take(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	@Override
	public void run() {
		takeToday();
	}

}
