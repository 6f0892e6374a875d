/**
 * The evidence ledger: an append-only, hash-chained record of every operation soc2ops
 * performs or observes. Each entry's hash covers the previous entry's hash and the
 * entry's canonical JSON, so changing, deleting or reordering stored entries is detected
 * by {@link io.soc2ops.evidence.EvidenceLedger#verify()}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence ledger")
@org.jspecify.annotations.NullMarked
package io.soc2ops.evidence;
