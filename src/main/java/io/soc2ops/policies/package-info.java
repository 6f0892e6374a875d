/**
 * Policy documents with versions and management approval [CC5.3], and the structured
 * parameters other modules read from them: first, the vulnerability management policy's
 * fix time per severity ({@link SlaPolicy}), announced by
 * {@link VulnerabilityPolicyApproved} when a version is approved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies",
		allowedDependencies = { "evidence", "identity" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.policies;
