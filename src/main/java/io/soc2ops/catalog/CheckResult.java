package io.soc2ops.catalog;

/**
 * What the latest findings say about one Security Hub control across all accounts and
 * regions in scope.
 *
 * @param failingResources resources whose finding for the control is FAILED and active
 * @param passingResources resources whose finding is PASSED and active
 */
public record CheckResult(String securityHubControlId, long failingResources, long passingResources) {

	public ReadinessStatus status() {
		if (failingResources > 0) {
			return ReadinessStatus.FAILING;
		}
		return passingResources > 0 ? ReadinessStatus.PASSING : ReadinessStatus.NO_DATA;
	}

}
