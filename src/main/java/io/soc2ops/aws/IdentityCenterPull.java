package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.soc2ops.access.AccessInventory;
import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.IdentityCenterInventory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.InstanceStatus;

/**
 * Reads the Organization's IAM Identity Center into the access inventory, once per
 * collection: the instance ({@code ListInstances}), the identity store's users, groups
 * and each group's memberships, every permission set with its managed and inline
 * policies, and the account assignments of each permission set in each account it is
 * provisioned to. A read cut off by a failure is handed over as it is, marked incomplete,
 * so that nothing looks removed because a page was missing. Where it got to is kept as
 * the {@code identity-center} collector's sync, under the account that owns the instance.
 */
@Component
class IdentityCenterPull {

	static final String COLLECTOR = "identity-center";

	private static final Logger log = LoggerFactory.getLogger(IdentityCenterPull.class);

	private final IdentityCenterSettings settings;

	private final IdentityCenterReads reads;

	private final CollectorSyncs syncs;

	private final AccessInventory inventory;

	private final Clock clock;

	IdentityCenterPull(IdentityCenterSettings settings, IdentityCenterReads reads, CollectorSyncs syncs,
			AccessInventory inventory, Clock clock) {
		this.settings = settings;
		this.reads = reads;
		this.syncs = syncs;
		this.inventory = inventory;
		this.clock = clock;
	}

	boolean enabled() {
		return settings.enabled();
	}

	/**
	 * @param owner the account the sync is recorded under until AWS names the owner
	 */
	InventorySync pull(AccountId owner) {
		Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		var read = new Read();
		AwsFailure failure = null;
		InstanceMetadata instance = null;
		try {
			instance = instance().orElse(null);
			if (instance == null) {
				failure = new AwsFailure(ConnectionStatus.NOT_ENABLED,
						"sso:ListInstances: no IAM Identity Center instance"
								+ (settings.instanceArn() == null ? "" : " " + settings.instanceArn()) + " in "
								+ reads.region());
			}
			else {
				owner = owner(instance, owner);
				read(instance, read);
			}
		}
		catch (SdkException ex) {
			failure = AwsFailure.of(read.call, ex);
		}
		var target = new AccountRegion(owner, reads.region());
		try {
			if (instance != null) {
				inventory.identityCenterCollected(inventory(instance, started, failure, read));
			}
		}
		catch (AccessRefused ex) {
			failure = new AwsFailure(ConnectionStatus.ERROR, "Identity Center inventory refused: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Storing the Identity Center inventory failed", ex);
			failure = new AwsFailure(ConnectionStatus.ERROR, "storing the Identity Center inventory failed: " + ex);
		}
		if (failure != null) {
			syncs.failed(target, COLLECTOR, failure.message(), started);
			return new InventorySync(COLLECTOR, target, failure.status(), read.objects(), started, failure.message());
		}
		syncs.succeeded(target, COLLECTOR, started, started, read.objects());
		return new InventorySync(COLLECTOR, target, ConnectionStatus.OK, read.objects(), started, null);
	}

	private Optional<InstanceMetadata> instance() {
		var instances = reads.instances();
		if (settings.instanceArn() != null) {
			return instances.stream().filter(i -> settings.instanceArn().equals(i.instanceArn())).findFirst();
		}
		return instances.stream()
			.filter(i -> i.status() == null || i.status() == InstanceStatus.ACTIVE
					|| i.status() == InstanceStatus.UNKNOWN_TO_SDK_VERSION)
			.findFirst();
	}

	private static AccountId owner(InstanceMetadata instance, AccountId fallback) {
		try {
			return instance.ownerAccountId() == null ? fallback : new AccountId(instance.ownerAccountId());
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	private void read(InstanceMetadata instance, Read read) {
		String store = instance.identityStoreId();
		String arn = instance.instanceArn();
		read.call = "identitystore:ListUsers";
		for (var user : reads.users(store)) {
			read.users.add(user(user));
		}
		read.call = "identitystore:ListGroups";
		for (var group : reads.groups(store)) {
			read.groups.add(new IdentityCenterInventory.Group(group.groupId(),
					group.displayName() == null ? "" : group.displayName(), json(AsffJson.of(group))));
			read.call = "identitystore:ListGroupMemberships";
			for (var membership : reads.memberships(store, group.groupId())) {
				if (membership.memberId() != null && membership.memberId().userId() != null) {
					read.memberships.add(new IdentityCenterInventory.Membership(group.groupId(),
							membership.memberId().userId(), String.valueOf(membership.membershipId())));
				}
			}
			read.call = "identitystore:ListGroups";
		}
		read.call = "sso:ListPermissionSets";
		for (String setArn : reads.permissionSets(arn)) {
			read.call = "sso:DescribePermissionSet";
			var set = reads.describe(arn, setArn);
			read.call = "sso:ListManagedPoliciesInPermissionSet";
			var managed = reads.managedPolicies(arn, setArn);
			read.call = "sso:GetInlinePolicyForPermissionSet";
			String inline = reads.inlinePolicy(arn, setArn);
			var document = AsffJson.of(set);
			var policies = document.putArray("ManagedPolicies");
			managed.forEach(policy -> policies.addObject().put("Name", policy.name()).put("Arn", policy.arn()));
			document.put("InlinePolicy", inline);
			read.sets.add(new IdentityCenterInventory.PermissionSet(setArn, set.name(),
					managed.stream().map(policy -> policy.name()).toList(), inline, json(document)));
			read.call = "sso:ListAccountsForProvisionedPermissionSet";
			for (String account : reads.accounts(arn, setArn)) {
				read.call = "sso:ListAccountAssignments";
				for (var assignment : reads.assignments(arn, account, setArn)) {
					read.assignments.add(new IdentityCenterInventory.Assignment(assignment.accountId(),
							assignment.permissionSetArn(), assignment.principalTypeAsString(),
							assignment.principalId()));
				}
				read.call = "sso:ListAccountsForProvisionedPermissionSet";
			}
			read.call = "sso:ListPermissionSets";
		}
	}

	private static IdentityCenterInventory inventory(InstanceMetadata instance, Instant started,
			@Nullable AwsFailure failure, Read read) {
		var document = AsffJson.JSON.createObjectNode()
			.put("InstanceArn", instance.instanceArn())
			.put("IdentityStoreId", instance.identityStoreId());
		if (instance.name() != null) {
			document.put("Name", instance.name());
		}
		return new IdentityCenterInventory(instance.instanceArn(), instance.identityStoreId(), json(document), started,
				failure == null, failure == null ? "" : failure.message(), read.users, read.groups, read.memberships,
				read.sets, read.assignments);
	}

	private static IdentityCenterInventory.User user(User user) {
		return new IdentityCenterInventory.User(user.userId(),
				user.userName() == null ? user.userId() : user.userName(),
				user.displayName() == null ? "" : user.displayName(), email(user.emails()), json(AsffJson.of(user)));
	}

	/** The primary e-mail address, else the first. */
	private static Optional<String> email(List<Email> emails) {
		return emails.stream()
			.filter(email -> Boolean.TRUE.equals(email.primary()))
			.findFirst()
			.or(() -> emails.stream().findFirst())
			.map(Email::value);
	}

	private static String json(tools.jackson.databind.JsonNode node) {
		return AsffJson.JSON.writeValueAsString(node);
	}

	/** What was read so far, and the call under way. */
	private static final class Read {

		String call = "sso:ListInstances";

		final List<IdentityCenterInventory.User> users = new ArrayList<>();

		final List<IdentityCenterInventory.Group> groups = new ArrayList<>();

		final List<IdentityCenterInventory.Membership> memberships = new ArrayList<>();

		final List<IdentityCenterInventory.PermissionSet> sets = new ArrayList<>();

		final List<IdentityCenterInventory.Assignment> assignments = new ArrayList<>();

		int objects() {
			return users.size() + groups.size() + memberships.size() + sets.size() + assignments.size();
		}

	}

}
