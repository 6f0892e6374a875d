package io.soc2ops.access;

/**
 * Writes to IAM Identity Center that soc2ops makes where configured: the {@code aws}
 * module implements it (read-only installations have no bean). Each call waits until AWS
 * has finished the change or says it failed.
 */
public interface IdentityCenterAssignments {

	AssignmentOutcome create(AssignmentTarget target);

	AssignmentOutcome delete(AssignmentTarget target);

}
