/**
 * Policy documents with versions and management approval [CC5.3], and the structured
 * parameters other modules read from them: first, the vulnerability management policy's
 * fix time per severity ({@link SlaPolicy}, from {@link VulnerabilityPolicies}),
 * announced by {@link VulnerabilityPolicyApproved} when a version is approved. A version
 * is drafted from the UI, the API or a YAML file ({@link VulnerabilityPolicyDocument}),
 * and comes into force only once a person with the APPROVER role other than its author
 * approves it; the exact text approved goes into the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies",
		allowedDependencies = { "evidence", "identity" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.policies;
