package io.soc2ops.access;

import java.util.List;

/**
 * A permission set as the latest inventory listed it.
 *
 * @param managedPolicies the names of the AWS managed policies attached to it
 * @param hasInline whether it has an inline policy
 */
public record PermissionSetRef(String arn, String name, String instanceArn, List<String> managedPolicies,
		boolean hasInline) {

	public PermissionSetRef {
		managedPolicies = List.copyOf(managedPolicies);
	}

}
