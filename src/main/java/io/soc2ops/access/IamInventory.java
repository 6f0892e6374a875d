package io.soc2ops.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One account's IAM as {@code GetAccountAuthorizationDetails} listed it.
 *
 * @param complete whether every page was read: only a complete inventory closes what it
 * did not list
 * @param detail what went wrong when it is not complete; empty otherwise
 * @param objects {@code iam-user}, {@code iam-group}, {@code iam-role} and
 * {@code iam-policy} objects, keyed by ARN
 */
public record IamInventory(String accountId, Instant takenAt, boolean complete, String detail,
		List<InventoryObject> objects) {

	static final Set<String> KINDS = Set.of("iam-user", "iam-group", "iam-role", "iam-policy");

	public IamInventory {
		InventorySyncs.requireAccount("IAM inventory", accountId);
		objects = List.copyOf(objects);
		for (var object : objects) {
			if (!KINDS.contains(object.kind())) {
				throw AccessRefused.invalid("IAM inventory of " + accountId + ": object " + object.key() + " has kind '"
						+ object.kind() + "', not one of " + KINDS);
			}
		}
	}

}
