package io.soc2ops.access;

/**
 * How an Identity Center assignment change ended.
 */
public sealed interface AssignmentOutcome {

	/** AWS finished provisioning it; {@code requestId} is the change's ID in AWS. */
	record Done(String requestId) implements AssignmentOutcome {
	}

	/** It was refused or failed; {@code reason} is AWS's words (never a secret). */
	record Failed(String reason) implements AssignmentOutcome {
	}

	/**
	 * AWS gave no answer that settles it — throttled, a server error, no answer in time
	 * after the SDK's own retries — so it is worth trying again later.
	 */
	record Unsettled(String reason) implements AssignmentOutcome {
	}

}
