package io.soc2ops.aws;

/**
 * One account in one Region: the unit soc2ops checks and collects from, and the unit
 * AWS's API quotas count in.
 */
public record AccountRegion(AccountId account, Region region) {

	@Override
	public String toString() {
		return account + "/" + region;
	}

}
