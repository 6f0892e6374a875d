package io.soc2ops.aws;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.soc2ops.evidence.Actor;

/**
 * A connection check of every account and Region in scope.
 *
 * @param startedBy who asked for it
 * @param management the account in charge: the Organization's management account (as AWS
 * names it in the account ARNs), or the single account; absent when unknown
 * @param scopeProblem why the accounts in scope could not be listed (then there are no
 * results), naming the call and AWS's error code
 */
public record ConnectionReport(Instant checkedAt, Actor startedBy, @Nullable AccountId management,
		@Nullable String scopeProblem, List<ConnectionResult> results) {

	public ConnectionReport {
		results = List.copyOf(results);
	}

	/** Every account and Region in scope can be read. */
	public boolean allOk() {
		return scopeProblem == null && results.stream().allMatch(r -> r.status() == ConnectionStatus.OK);
	}

	/** How many account-Regions ended in each status. */
	public Map<ConnectionStatus, Long> counts() {
		var counts = new EnumMap<ConnectionStatus, Long>(ConnectionStatus.class);
		for (var status : ConnectionStatus.values()) {
			counts.put(status, results.stream().filter(r -> r.status() == status).count());
		}
		return counts;
	}

}
