package io.soc2ops.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IAM Identity Center instance as its APIs listed it: the identity store's users,
 * groups and memberships, the permission sets with their policies, and the account
 * assignments across the Organization. Each value carries AWS's own description
 * ({@code document}); memberships and assignments are described by their fields.
 *
 * @param complete whether every list was read whole: only a complete inventory closes
 * what it did not list
 * @param detail what went wrong when it is not complete; empty otherwise
 * @param instanceDocument {@code {InstanceArn, IdentityStoreId, Name?}}
 */
public record IdentityCenterInventory(String instanceArn, String identityStoreId, String instanceDocument,
		Instant takenAt, boolean complete, String detail, List<User> users, List<Group> groups,
		List<Membership> memberships, List<PermissionSet> permissionSets, List<Assignment> assignments) {

	private static final Pattern INSTANCE_ARN = Pattern
		.compile("arn:aws[a-z-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");

	public IdentityCenterInventory {
		if (!INSTANCE_ARN.matcher(instanceArn).matches()) {
			throw AccessRefused.invalid("Identity Center inventory: instanceArn '" + instanceArn
					+ "' is not an Identity Center instance ARN");
		}
		if (identityStoreId.isBlank()) {
			throw AccessRefused.invalid("Identity Center inventory of " + instanceArn + ": identityStoreId is blank");
		}
		users = List.copyOf(users);
		groups = List.copyOf(groups);
		memberships = List.copyOf(memberships);
		permissionSets = List.copyOf(permissionSets);
		assignments = List.copyOf(assignments);
	}

	/**
	 * Where the instance's permission set ARNs start:
	 * {@code arn:aws:sso:::permissionSet/ssoins-.../}.
	 */
	String permissionSetPrefix() {
		return instanceArn.replace(":instance/", ":permissionSet/") + "/";
	}

	/**
	 * An identity store user.
	 *
	 * @param userName the name the person signs in with, often an e-mail address
	 * @param displayName as the identity store names it; the user name when it has none
	 * @param email the primary e-mail address, else the first
	 */
	public record User(String userId, String userName, String displayName, Optional<String> email, String document) {

		public User {
			requireText("Identity Center user", userId, "UserId", userId, 64);
			requireText("Identity Center user", userId, "UserName", userName, 256);
			requireText("Identity Center user", userId, "document", document, Integer.MAX_VALUE);
			displayName = displayName.isBlank() ? userName : displayName;
			email = email.filter(value -> !value.isBlank()).map(value -> InventorySyncs.shorten(value.strip(), 320));
		}

		PersonKey person() {
			try {
				return new PersonKey(userName);
			}
			catch (IllegalArgumentException ex) {
				throw AccessRefused.invalid("Identity Center user " + userId + ": UserName: " + ex.getMessage());
			}
		}

	}

	/** An identity store group; its display name is what holdings name it by. */
	public record Group(String groupId, String displayName, String document) {

		public Group {
			requireText("Identity Center group", groupId, "GroupId", groupId, 64);
			requireText("Identity Center group", groupId, "document", document, Integer.MAX_VALUE);
			displayName = displayName.isBlank() ? groupId : displayName;
		}

	}

	/** A user's membership of a group. */
	public record Membership(String groupId, String userId, String membershipId) {

		public Membership {
			requireText("Identity Center group membership", membershipId, "GroupId", groupId, 64);
			requireText("Identity Center group membership", membershipId, "UserId", userId, 64);
		}

	}

	/**
	 * A permission set, its document being {@code DescribePermissionSet}'s with
	 * {@code ManagedPolicies} and {@code InlinePolicy} added.
	 *
	 * @param managedPolicies the AWS managed policies' names
	 * @param inlinePolicy empty when it has none
	 */
	public record PermissionSet(String arn, String name, List<String> managedPolicies, String inlinePolicy,
			String document) {

		public PermissionSet {
			requireText("permission set", arn, "PermissionSetArn", arn, 1224);
			requireText("permission set", arn, "Name", name, 256);
			requireText("permission set", arn, "document", document, Integer.MAX_VALUE);
			managedPolicies = List.copyOf(managedPolicies);
		}

	}

	/**
	 * An account assignment.
	 *
	 * @param principalType {@code USER} or {@code GROUP}
	 */
	public record Assignment(String accountId, String permissionSetArn, String principalType, String principalId) {

		public Assignment {
			InventorySyncs.requireAccount("account assignment of " + principalType + " " + principalId, accountId);
			if (!principalType.equals("USER") && !principalType.equals("GROUP")) {
				throw AccessRefused.invalid("account assignment in " + accountId + " of " + principalId
						+ ": PrincipalType must be USER or GROUP but was '" + principalType + "'");
			}
			requireText("account assignment in " + accountId, principalId, "PermissionSetArn", permissionSetArn, 1224);
			requireText("account assignment in " + accountId, permissionSetArn, "PrincipalId", principalId, 64);
		}

		String key() {
			return accountId + "/" + permissionSetArn + "/" + principalType + "/" + principalId;
		}

	}

	private static void requireText(String record, String id, String field, String value, int max) {
		if (value.isBlank() || value.length() > max) {
			throw AccessRefused.invalid(record + " " + id + ": " + field + " must be 1-" + max + " characters");
		}
	}

}
