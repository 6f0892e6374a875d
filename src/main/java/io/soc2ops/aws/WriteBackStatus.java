package io.soc2ops.aws;

import org.jspecify.annotations.Nullable;

/**
 * Security Hub write-back as the AWS page shows it.
 *
 * @param enabled whether write-back is on (AWS enabled and
 * {@code soc2ops.aws.write-back.enabled})
 * @param succeeded write-backs that left the finding at its status
 * @param failed write-backs that did not
 * @param last the latest write-back, if any
 */
public record WriteBackStatus(boolean enabled, long succeeded, long failed, @Nullable WriteBackOutcome last) {

	/** The latest write-back was refused: the write-back policy is missing. */
	public boolean notPermitted() {
		return last != null && last.result() == WriteBackOutcome.Result.NOT_PERMITTED;
	}

}
