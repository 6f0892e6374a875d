/**
 * Access lifecycle [CC6.1-CC6.3].
 * <ul>
 * <li>Inventory: IAM and IAM Identity Center as the {@code aws} module reads them into
 * {@link io.soc2ops.access.AccessInventory}, and IAM credential reports
 * ({@link io.soc2ops.access.CredentialReports}, collected or imported from a file), kept
 * as dated periods so any moment of the audit period can be replayed; the holdings
 * derived from them (who holds what where), and the credential checks
 * ({@link io.soc2ops.access.CredentialFindings}).</li>
 * <li>Requests ({@link io.soc2ops.access.AccessRequests}): approvals (two for privileged
 * permission sets, never by the requester or the person it is for), the cover they give,
 * grants confirmed by an operator or made through Identity Center
 * ({@link io.soc2ops.access.IdentityCenterAssignments}, implemented by {@code aws} where
 * configured), expiry.</li>
 * <li>Removals ({@link io.soc2ops.access.AccessRemovals}) opened by expiry, reviews,
 * offboardings ({@link io.soc2ops.access.Offboardings}) and unapproved access, confirmed
 * and verified against the inventory.</li>
 * <li>Reconciliation of holdings against approvals, and periodic access reviews
 * ({@link io.soc2ops.access.AccessReviews}) on a frozen snapshot.</li>
 * <li>The people behind AWS principals ({@link io.soc2ops.access.AccessPeople}): their
 * managers review their access.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
		allowedDependencies = { "evidence", "identity", "schedule", "alerting", "findings", "catalog" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.access;
