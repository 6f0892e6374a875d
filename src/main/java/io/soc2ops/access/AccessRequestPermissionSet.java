package io.soc2ops.access;

/**
 * A permission set access can be requested for, as the newest Identity Center inventory
 * lists it.
 *
 * @param privileged whether approving it takes two approvers
 */
public record AccessRequestPermissionSet(String name, String arn, String instanceArn, String description,
		boolean privileged) {

}
