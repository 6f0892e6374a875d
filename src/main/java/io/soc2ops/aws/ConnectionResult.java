package io.soc2ops.aws;

import java.time.Instant;
import java.util.List;

/**
 * Whether soc2ops can read one account and Region.
 *
 * @param workingCalls the IAM actions that worked, such as {@code sts:AssumeRole} or
 * {@code securityhub:GetFindings}
 * @param failedCalls the IAM actions that were refused or failed; the calls that depend
 * on them were not tried
 * @param message what failed, naming the call and AWS's error code; or that all worked
 */
public record ConnectionResult(AccountRegion target, ConnectionStatus status, List<String> workingCalls,
		List<String> failedCalls, String message, Instant checkedAt) {

	public ConnectionResult {
		workingCalls = List.copyOf(workingCalls);
		failedCalls = List.copyOf(failedCalls);
	}

}
