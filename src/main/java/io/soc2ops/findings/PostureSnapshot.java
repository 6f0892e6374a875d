package io.soc2ops.findings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day's posture: how many Security Hub controls had findings and how many resources
 * failed them, with the ledger entry that records the snapshot.
 *
 * @param controls Security Hub controls with at least one active finding
 * @param failingResources active, failed and not suppressed findings, over all controls
 */
public record PostureSnapshot(LocalDate day, SnapshotSource source, Instant takenAt, String catalogVersion,
		int controls, long failingResources, long ledgerSequence) {

}
