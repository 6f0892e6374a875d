package io.soc2ops.demo;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The shape of {@code demo/access.json}: the demo company's IAM Identity Center as it is
 * now, with what differed {@code historyDays} ago marked on the assignments and groups,
 * its credential report, and the access requests that approved what it holds.
 */
record DemoAccessData(String instanceArn, String identityStoreId, int historyDays, List<Person> people,
		Map<String, String> accountOwners, List<Group> groups, List<PermissionSet> permissionSets,
		List<Assignment> assignments, CredentialReport credentialReport, List<Request> requests) {

	/**
	 * @param soc2opsUser the soc2ops user this person is, if any
	 * @param manager the soc2ops user who reviews their access
	 * @param leftDaysAgo when they left the company, if they did
	 */
	record Person(String userName, String givenName, String familyName, String displayName,
			@Nullable String soc2opsUser, @Nullable String manager, @Nullable Integer leftDaysAgo) {
	}

	/**
	 * @param formerMembers members then, no longer now
	 */
	record Group(String name, String description, List<String> members, @Nullable List<String> formerMembers) {

		List<String> membersThen() {
			return formerMembers == null ? members
					: java.util.stream.Stream.concat(members.stream(), formerMembers.stream()).toList();
		}

	}

	record PermissionSet(String name, String description, List<String> managedPolicies, String sessionDuration) {
	}

	/**
	 * An account assignment to a group or a user.
	 *
	 * @param past whether it existed {@code historyDays} ago (default true)
	 * @param now whether it exists now (default true)
	 * @param revokedInReview the comment of the reviewer who revoked it in the finished
	 * review
	 */
	record Assignment(String account, String permissionSet, @Nullable String group, @Nullable String user,
			@Nullable Boolean past, @Nullable Boolean now, @Nullable String revokedInReview) {

		boolean heldThen() {
			return past == null || past;
		}

		boolean heldNow() {
			return now == null || now;
		}

	}

	record CredentialReport(String account, String location) {
	}

	/**
	 * An access request and how far it went.
	 *
	 * @param person the person key (an Identity Center user name or an IAM user name)
	 * @param approvers who approved it, in order
	 * @param state GRANTED (approved and confirmed granted), EXPIRED, PENDING, REJECTED
	 * or WITHDRAWN
	 */
	record Request(String person, String by, @Nullable String permissionSet, @Nullable String iamPolicy,
			List<String> accounts, String reason, @Nullable String ticket, @Nullable Integer untilDays,
			@Nullable Integer untilSeconds, List<String> approvers, @Nullable String rejectedBy, @Nullable String note,
			String state) {
	}

}
