package io.soc2ops.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An entry as stored in the ledger.
 *
 * @param sequence position in the chain, starting at 1
 * @param payload the canonical JSON of the record's payload
 * @param previousHash hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 over {@code previousHash} and the entry's canonical JSON
 */
public record EvidenceEntry(long sequence, Instant recordedAt, LocalDate evidenceFor, String action, Actor actor,
		String module, String subject, String payload, String previousHash, String hash) {

}
