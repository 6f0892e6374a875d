package io.soc2ops.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An approved version of the vulnerability management policy, as other modules read it.
 *
 * @param version 1, 2, ... in the order the versions were drafted
 * @param effectiveFrom the day (UTC) from which this version is in force
 * @param slaDays days to fix per severity; a severity not in the map has no deadline
 * @param accounts the AWS account IDs it covers; empty means every account
 * @param resourceTypes the resource types it covers (e.g. {@code AwsEc2Instance}); empty
 * means every type
 * @param approvedBy the approver's user name (never the author)
 * @param sha256 the digest of the exact text that was approved, as in the ledger
 */
public record SlaPolicy(int version, LocalDate effectiveFrom, Map<VulnerabilitySeverity, Integer> slaDays,
		Set<String> accounts, Set<String> resourceTypes, String approvedBy, Instant approvedAt, String sha256) {

	public SlaPolicy {
		slaDays = Map.copyOf(slaDays);
		accounts = Set.copyOf(accounts);
		resourceTypes = Set.copyOf(resourceTypes);
	}

	/**
	 * The days to fix a vulnerability of this severity; empty when there is no deadline.
	 */
	public Optional<Integer> daysFor(VulnerabilitySeverity severity) {
		return Optional.ofNullable(slaDays.get(severity));
	}

	/** Whether the policy covers a resource of this type in this account. */
	public boolean covers(String accountId, String resourceType) {
		return (accounts.isEmpty() || accounts.contains(accountId))
				&& (resourceTypes.isEmpty() || resourceTypes.contains(resourceType));
	}

}
