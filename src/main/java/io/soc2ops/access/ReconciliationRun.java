package io.soc2ops.access;

import java.time.Instant;

/**
 * One reconciliation of the current holdings against the cover of approved requests.
 *
 * @param trigger what asked for it: {@code schedule}, {@code inventory}, {@code cover},
 * or a person ({@code user:alice})
 * @param holdings current holdings
 * @param covered of them, those an approved, unexpired request covers
 * @param newExceptions holdings found without cover in this run
 * @param resolvedApproved exceptions covered since the last run
 * @param resolvedGone exceptions whose holding no inventory lists any more
 * @param open exceptions open after the run ({@code holdings - covered})
 */
public record ReconciliationRun(long id, String trigger, Instant startedAt, Instant finishedAt, long holdings,
		long covered, int newExceptions, int resolvedApproved, int resolvedGone, long open) {

}
