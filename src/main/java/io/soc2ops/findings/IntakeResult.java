package io.soc2ops.findings;

/**
 * What an accepted batch did.
 *
 * @param received findings in the batch
 * @param inserted findings seen for the first time
 * @param updated findings whose newer version replaced the stored one
 * @param unchanged findings already stored at the same or a newer {@code UpdatedAt}
 * @param digest SHA-256 of the batch as received
 * @param ledgerSequence the ledger entry that records the batch
 */
public record IntakeResult(long received, long inserted, long updated, long unchanged, String digest,
		long ledgerSequence) {

}
