package io.soc2ops.aws.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An IAM Identity Center instance as the local endpoint serves it: the identity store's
 * users, groups and memberships ({@link LocalIdentityStore}), the permission sets and
 * account assignments ({@link LocalSsoAdmin}). Tests script it through
 * {@link LocalAws#identityCenter}; {@code CreateAccountAssignment} and
 * {@code DeleteAccountAssignment} change it.
 */
public final class LocalIdentityCenter {

	final String instanceArn;

	final String identityStoreId;

	final String owner;

	final Map<String, User> users = new LinkedHashMap<>();

	final Map<String, Group> groups = new LinkedHashMap<>();

	final List<Membership> memberships = new CopyOnWriteArrayList<>();

	final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();

	final List<Assignment> assignments = new CopyOnWriteArrayList<>();

	/** Assignment changes by request ID, as their status calls describe them. */
	final Map<String, Change> changes = new ConcurrentHashMap<>();

	/** Reasons the next assignment changes fail with, in order. */
	final List<String> failures = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	LocalIdentityCenter(String instanceArn, String identityStoreId, String owner) {
		this.instanceArn = instanceArn;
		this.identityStoreId = identityStoreId;
		this.owner = owner;
	}

	/**
	 * A permission set ARN of this instance:
	 * {@code ...:permissionSet/ssoins-.../ps-<suffix>}.
	 */
	public String permissionSetArn(String suffix) {
		return instanceArn.replace(":instance/", ":permissionSet/") + "/ps-" + suffix;
	}

	public synchronized LocalIdentityCenter user(String userId, String userName, String displayName, String email) {
		users.put(userId, new User(userId, userName, displayName, email));
		return this;
	}

	public synchronized LocalIdentityCenter removeUser(String userId) {
		users.remove(userId);
		memberships.removeIf(membership -> membership.userId().equals(userId));
		assignments.removeIf(assignment -> assignment.principalId().equals(userId));
		return this;
	}

	public synchronized LocalIdentityCenter group(String groupId, String displayName) {
		groups.put(groupId, new Group(groupId, displayName));
		return this;
	}

	public synchronized LocalIdentityCenter member(String groupId, String userId) {
		memberships.add(new Membership("m-" + groupId + "-" + userId, groupId, userId));
		return this;
	}

	public synchronized LocalIdentityCenter removeMember(String groupId, String userId) {
		memberships.removeIf(m -> m.groupId().equals(groupId) && m.userId().equals(userId));
		return this;
	}

	/**
	 * A permission set with AWS managed policies (by name, under
	 * {@code arn:aws:iam::aws:policy/}) and an inline policy ("" for none).
	 */
	public synchronized LocalIdentityCenter permissionSet(String arn, String name, String inlinePolicy,
			String... managedPolicies) {
		permissionSets.put(arn, new PermissionSet(arn, name, inlinePolicy, List.of(managedPolicies)));
		return this;
	}

	public synchronized LocalIdentityCenter inlinePolicy(String arn, String inlinePolicy) {
		var set = permissionSets.get(arn);
		permissionSets.put(arn, new PermissionSet(arn, set.name(), inlinePolicy, set.managedPolicies()));
		return this;
	}

	/**
	 * @param principalType USER or GROUP
	 */
	public synchronized LocalIdentityCenter assign(String account, String permissionSetArn, String principalType,
			String principalId) {
		var assignment = new Assignment(account, permissionSetArn, principalType, principalId);
		if (!assignments.contains(assignment)) {
			assignments.add(assignment);
		}
		return this;
	}

	public synchronized LocalIdentityCenter unassign(String account, String permissionSetArn, String principalType,
			String principalId) {
		assignments.remove(new Assignment(account, permissionSetArn, principalType, principalId));
		return this;
	}

	/**
	 * The next assignment change fails in AWS with this reason (its status says FAILED).
	 */
	public LocalIdentityCenter failNextChange(String reason) {
		failures.add(reason);
		return this;
	}

	public synchronized List<Assignment> assignments() {
		return List.copyOf(assignments);
	}

	synchronized List<String> provisionedAccounts(String permissionSetArn) {
		return assignments.stream()
			.filter(a -> a.permissionSetArn().equals(permissionSetArn))
			.map(Assignment::accountId)
			.distinct()
			.sorted()
			.toList();
	}

	synchronized List<Assignment> assignments(String account, String permissionSetArn) {
		return assignments.stream()
			.filter(a -> a.accountId().equals(account) && a.permissionSetArn().equals(permissionSetArn))
			.toList();
	}

	synchronized List<Membership> memberships(String groupId) {
		return memberships.stream().filter(m -> m.groupId().equals(groupId)).toList();
	}

	synchronized <T> List<T> snapshot(Map<String, T> map) {
		return new ArrayList<>(map.values());
	}

	String nextRequestId() {
		return "req-" + String.format("%08d", ids.incrementAndGet()) + "-0000-0000-0000-000000000000";
	}

	Optional<String> nextFailure() {
		return failures.isEmpty() ? Optional.empty() : Optional.of(failures.removeFirst());
	}

	/** An identity store user. */
	public record User(String userId, String userName, String displayName, String email) {
	}

	public record Group(String groupId, String displayName) {
	}

	public record Membership(String membershipId, String groupId, String userId) {
	}

	/**
	 * @param managedPolicies AWS managed policies' names
	 */
	public record PermissionSet(String arn, String name, String inlinePolicy, List<String> managedPolicies) {
	}

	public record Assignment(String accountId, String permissionSetArn, String principalType, String principalId) {
	}

	/** An assignment change and how its status call answers. */
	record Change(String requestId, String status, String failureReason, Assignment assignment, long createdAt) {
	}

}
