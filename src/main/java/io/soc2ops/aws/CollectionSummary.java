package io.soc2ops.aws;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.soc2ops.catalog.TestOutcome;

/**
 * What one Security Hub collection did.
 *
 * @param scopeProblem why the accounts in scope could not be listed; then nothing else
 * was done
 * @param syncs per account and Region findings are collected from
 * @param standards the FND-01 test result recorded (Security Hub, FSBP and CIS enabled in
 * every account-Region in scope); absent when the scope was unavailable
 * @param standardsNote what the test result says, naming every gap
 */
public record CollectionSummary(Instant startedAt, Instant finishedAt, @Nullable String scopeProblem,
		List<TargetSync> syncs, @Nullable TestOutcome standards, String standardsNote) {

	public CollectionSummary {
		syncs = List.copyOf(syncs);
	}

	public long received() {
		return syncs.stream().mapToLong(TargetSync::received).sum();
	}

	public long inserted() {
		return syncs.stream().mapToLong(TargetSync::inserted).sum();
	}

	/** The account-Regions whose findings could not all be collected. */
	public List<TargetSync> failures() {
		return syncs.stream().filter(sync -> sync.status() != ConnectionStatus.OK).toList();
	}

}
