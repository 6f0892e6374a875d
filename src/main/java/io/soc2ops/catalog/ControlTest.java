package io.soc2ops.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded test of a control, as it stands in the ledger.
 *
 * @param ledgerSequence the ledger entry that holds it
 */
public record ControlTest(String controlId, TestOutcome outcome, LocalDate evidenceFor, Instant recordedAt, String by,
		String note, long ledgerSequence) {

}
