package io.soc2ops.aws;

import java.time.Instant;

import io.soc2ops.alerting.FindingWorkflowUpdate;

/**
 * How one write-back of a finding's workflow status went.
 *
 * @param region the Region Security Hub was called in
 * @param calls the {@code BatchUpdateFindings} calls made (0 when none was needed)
 * @param message what AWS answered when it did not update the finding, or empty
 */
public record WriteBackOutcome(String alertId, String findingId, FindingWorkflowUpdate.Status status, Result result,
		String region, int calls, String message, Instant at) {

	/** The ways a write-back ends. */
	public enum Result {

		/** Security Hub processed the update. */
		UPDATED,
		/** The finding had the status already as soc2ops last received it: no call. */
		ALREADY_SET,
		/** AWS refused the call: the write-back policy is not attached. */
		NOT_PERMITTED,
		/**
		 * Security Hub answered but listed the finding in {@code UnprocessedFindings}.
		 */
		UNPROCESSED,
		/**
		 * Anything else: Security Hub not enabled, throttled past the retries,
		 * unreachable.
		 */
		FAILED;

		public boolean succeeded() {
			return this == UPDATED || this == ALREADY_SET;
		}

	}

}
