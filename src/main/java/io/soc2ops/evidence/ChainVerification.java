package io.soc2ops.evidence;

/**
 * The outcome of recomputing the ledger's hash chain.
 */
public sealed interface ChainVerification {

	/** How many entries were checked and found consistent. */
	long verified();

	/** Every entry matches its hash and links to the one before. */
	record Intact(long verified) implements ChainVerification {
	}

	/**
	 * The first entry that does not hold.
	 *
	 * @param verified entries before it that held
	 * @param sequence the sequence number of the first broken entry
	 * @param reason what does not match
	 */
	record Broken(long verified, long sequence, String reason) implements ChainVerification {
	}

}
