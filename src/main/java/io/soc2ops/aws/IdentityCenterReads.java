package io.soc2ops.aws;

import java.util.List;

import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

/**
 * The IAM Identity Center calls soc2ops makes to read it, all read-only and all with the
 * installation's own credentials in the instance's Region; every list through the SDK's
 * paginators. Failures surface as the SDK's exceptions.
 */
@Component
class IdentityCenterReads {

	private final AwsClients clients;

	private final IdentityCenterSettings settings;

	IdentityCenterReads(AwsClients clients, IdentityCenterSettings settings) {
		this.clients = clients;
		this.settings = settings;
	}

	Region region() {
		return settings.regionOr(clients.settings().homeRegion());
	}

	List<InstanceMetadata> instances() {
		return clients.ssoAdmin(region())
			.listInstancesPaginator(request -> request.maxResults(settings.pageSize()))
			.instances()
			.stream()
			.toList();
	}

	Iterable<String> permissionSets(String instanceArn) {
		return clients.ssoAdmin(region())
			.listPermissionSetsPaginator(request -> request.instanceArn(instanceArn).maxResults(settings.pageSize()))
			.permissionSets();
	}

	PermissionSet describe(String instanceArn, String permissionSetArn) {
		return clients.ssoAdmin(region())
			.describePermissionSet(request -> request.instanceArn(instanceArn).permissionSetArn(permissionSetArn))
			.permissionSet();
	}

	List<AttachedManagedPolicy> managedPolicies(String instanceArn, String permissionSetArn) {
		return clients.ssoAdmin(region())
			.listManagedPoliciesInPermissionSetPaginator(request -> request.instanceArn(instanceArn)
				.permissionSetArn(permissionSetArn)
				.maxResults(settings.pageSize()))
			.attachedManagedPolicies()
			.stream()
			.toList();
	}

	/** The permission set's inline policy; empty when it has none. */
	String inlinePolicy(String instanceArn, String permissionSetArn) {
		String policy = clients.ssoAdmin(region())
			.getInlinePolicyForPermissionSet(
					request -> request.instanceArn(instanceArn).permissionSetArn(permissionSetArn))
			.inlinePolicy();
		return policy == null ? "" : policy;
	}

	/** The accounts the permission set is provisioned to. */
	Iterable<String> accounts(String instanceArn, String permissionSetArn) {
		return clients.ssoAdmin(region())
			.listAccountsForProvisionedPermissionSetPaginator(request -> request.instanceArn(instanceArn)
				.permissionSetArn(permissionSetArn)
				.maxResults(settings.pageSize()))
			.accountIds();
	}

	Iterable<AccountAssignment> assignments(String instanceArn, String accountId, String permissionSetArn) {
		return clients.ssoAdmin(region())
			.listAccountAssignmentsPaginator(request -> request.instanceArn(instanceArn)
				.accountId(accountId)
				.permissionSetArn(permissionSetArn)
				.maxResults(settings.pageSize()))
			.accountAssignments();
	}

	Iterable<User> users(String identityStoreId) {
		return clients.identityStore(region())
			.listUsersPaginator(request -> request.identityStoreId(identityStoreId).maxResults(settings.pageSize()))
			.users();
	}

	Iterable<Group> groups(String identityStoreId) {
		return clients.identityStore(region())
			.listGroupsPaginator(request -> request.identityStoreId(identityStoreId).maxResults(settings.pageSize()))
			.groups();
	}

	Iterable<GroupMembership> memberships(String identityStoreId, String groupId) {
		return clients.identityStore(region())
			.listGroupMembershipsPaginator(request -> request.identityStoreId(identityStoreId)
				.groupId(groupId)
				.maxResults(settings.pageSize()))
			.groupMemberships();
	}

}
