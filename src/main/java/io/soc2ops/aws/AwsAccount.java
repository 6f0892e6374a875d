package io.soc2ops.aws;

import java.util.List;

/**
 * An AWS account in scope of the SOC 2 program.
 */
public record AwsAccount(AccountId id, String name, Environment environment, List<Region> regions) {

	public AwsAccount {
		if (name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("account name must be 1-100 characters");
		}
		if (regions.isEmpty()) {
			throw new IllegalArgumentException("account " + id + " needs at least one region in scope");
		}
		regions = List.copyOf(regions);
	}

}
