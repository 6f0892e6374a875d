package io.soc2ops.findings;

import java.time.LocalDate;
import java.time.Period;

/**
 * What one purge removed.
 *
 * @param cutoff the first day kept: versions superseded before it, snapshots of days
 * before it and findings archived and unchanged since before it are gone
 * @param historyRows finding versions deleted
 * @param findings archived findings deleted, with their history
 * @param snapshots daily posture snapshots deleted
 * @param ledgerSequence the ledger entry that records the purge
 */
public record RetentionPurge(Period retention, LocalDate cutoff, long historyRows, long findings, long snapshots,
		long ledgerSequence) {

}
