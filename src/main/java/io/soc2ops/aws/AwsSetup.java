package io.soc2ops.aws;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How soc2ops is set up to reach AWS, fit to show (no secrets: whether an external ID is
 * set, never its value).
 *
 * @param mode {@code SINGLE_ACCOUNT} or {@code ORGANIZATION}
 * @param roleName the read-only role assumed in each account (ORGANIZATION mode)
 * @param endpoint the URL that replaces AWS's endpoints, if any (local testing only)
 * @param limits the request rates soc2ops keeps to
 */
public record AwsSetup(boolean enabled, String mode, List<Region> regions, @Nullable Region aggregationRegion,
		String roleName, boolean externalIdSet, @Nullable String endpoint, Limits limits) {

	public AwsSetup {
		regions = List.copyOf(regions);
	}

	/**
	 * Requests per second per API, per account and Region for the regional APIs; and how
	 * many account-Regions are worked on at once.
	 */
	public record Limits(double getFindings, double securityHub, double organizations, double sts, int maxConcurrency) {

	}

}
