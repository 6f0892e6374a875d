/**
 * Access lifecycle [CC6.1-CC6.3]: the inventory of IAM and IAM Identity Center (users,
 * groups, roles, policies, permission sets, account assignments, credential reports) kept
 * as dated periods so any moment of the audit period can be replayed; the holdings
 * derived from it (who holds what where); access requests with their approvals, grants
 * and expiry; offboarding; reconciliation of holdings against approvals; and periodic
 * access reviews. The {@code aws} module reads AWS into
 * {@link io.soc2ops.access.AccessInventory} and performs the Identity Center writes
 * through {@link io.soc2ops.access.IdentityCenterAssignments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
		allowedDependencies = { "evidence", "identity", "schedule", "alerting", "findings", "catalog" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.access;
