package io.soc2ops.vulnerabilities;

/**
 * What one sweep of {@link VulnerabilityNotifications} did.
 *
 * @param dueSoon vulnerabilities flagged as due soon
 * @param breached vulnerabilities flagged as past due
 * @param digests teams whose weekly digest was compiled
 * @param delivered messages the routes took
 */
public record NotificationRun(int dueSoon, int breached, int digests, int delivered) {
}
