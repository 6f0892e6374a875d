/**
 * Vulnerability management [CC7.1, CC5.3]: Inspector findings, from Security Hub and from
 * Inspector2's API, one item per finding and resource, each with a due date from the
 * approved vulnerability management policy ({@code policies}); breaches, approved
 * exceptions, and the period report an auditor samples; and Slack notices, through the
 * alert routes ({@code alerting}), of what comes due and what breached, and each team's
 * weekly digest ({@link io.soc2ops.vulnerabilities.VulnerabilityNotifications}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vulnerabilities",
		allowedDependencies = { "evidence", "findings", "identity", "policies", "schedule", "alerting" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.vulnerabilities;
