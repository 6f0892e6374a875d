package io.soc2ops.aws;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A connection check of every account and Region in scope.
 *
 * @param scopeProblem why the accounts in scope could not be listed (then there are no
 * results), naming the call and AWS's error code
 */
public record ConnectionReport(Instant checkedAt, @Nullable String scopeProblem, List<ConnectionResult> results) {

	public ConnectionReport {
		results = List.copyOf(results);
	}

	/** Every account and Region in scope can be read. */
	public boolean allOk() {
		return scopeProblem == null && results.stream().allMatch(r -> r.status() == ConnectionStatus.OK);
	}

}
