package io.soc2ops.access;

/**
 * An Identity Center account assignment, as {@code CreateAccountAssignment} and
 * {@code DeleteAccountAssignment} name it.
 *
 * @param principalType {@code USER} or {@code GROUP}
 * @param principalId the identity store's ID of the user or group
 */
public record AssignmentTarget(String instanceArn, String accountId, String permissionSetArn, String principalType,
		String principalId) {

}
