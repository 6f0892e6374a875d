package io.soc2ops.alerting;

import java.time.Instant;
import java.util.List;

import io.soc2ops.findings.Severity;

/**
 * An alert rule as stored.
 *
 * @param pattern the EventBridge event pattern, as written
 * @param severityFloor a matching finding below this severity raises no alert
 * @param routes the names of the routes its alerts go to, in order
 * @param version how many times it was created or changed
 */
public record AlertRule(String name, String pattern, Severity severityFloor, List<String> routes, boolean enabled,
		String createdBy, Instant createdAt, String changedBy, Instant changedAt, int version) {

	public AlertRule {
		routes = List.copyOf(routes);
	}

	/** What the rule says, without its history. */
	public AlertRuleDraft draft() {
		return new AlertRuleDraft(name, pattern, severityFloor, routes, enabled);
	}

}
