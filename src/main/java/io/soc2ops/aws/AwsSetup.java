package io.soc2ops.aws;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How soc2ops is set up to reach AWS, fit to show (no secrets).
 *
 * @param mode {@code SINGLE_ACCOUNT} or {@code ORGANIZATION}
 * @param roleName the read-only role assumed in each account (ORGANIZATION mode)
 * @param endpoint the URL that replaces AWS's endpoints, if any (local testing only)
 */
public record AwsSetup(boolean enabled, String mode, List<Region> regions, @Nullable Region aggregationRegion,
		String roleName, boolean externalIdSet, @Nullable String endpoint) {

	public AwsSetup {
		regions = List.copyOf(regions);
	}

}
