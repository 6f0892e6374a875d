package io.soc2ops.evidence;

import org.jspecify.annotations.Nullable;

/**
 * Walks entries in sequence order and remembers the first one that breaks the chain.
 */
final class ChainWalk {

	private long verified;

	private long expectedSequence = 1;

	private String expectedPrevious = ChainHash.GENESIS;

	private ChainVerification.@Nullable Broken broken;

	void check(EvidenceEntry entry) {
		if (broken != null) {
			return;
		}
		if (entry.sequence() != expectedSequence) {
			fail(expectedSequence,
					"entry #" + expectedSequence + " is missing (the next stored entry is #" + entry.sequence() + ")");
		}
		else if (!entry.previousHash().equals(expectedPrevious)) {
			fail(entry.sequence(), "its previous hash does not match entry #" + (entry.sequence() - 1)
					+ " (entries were removed, inserted or reordered)");
		}
		else if (!ChainHash.of(entry).equals(entry.hash())) {
			fail(entry.sequence(), "its content does not match its hash (the entry was changed after it was recorded)");
		}
		else {
			verified++;
			expectedSequence++;
			expectedPrevious = entry.hash();
		}
	}

	ChainVerification result(LedgerEntries.Head head) {
		if (broken != null) {
			return broken;
		}
		if (head.sequence() != verified || !head.hash().equals(expectedPrevious)) {
			return new ChainVerification.Broken(verified, verified + 1, "the ledger head records " + head.sequence()
					+ " entries but the chain ends at #" + verified + " (entries at the end were removed or changed)");
		}
		return new ChainVerification.Intact(verified);
	}

	private void fail(long sequence, String reason) {
		broken = new ChainVerification.Broken(verified, sequence, reason);
	}

}
