/**
 * Threat alerting [CC7.2-CC7.4]: alert rules written as EventBridge event patterns and
 * matched with aws/event-ruler, so that a pattern means here what it means in
 * EventBridge, and the alerts they raise from the events the findings intake stores. Each
 * alert's deliveries to its routes go into an outbox in the raising transaction and out
 * to Slack from there ({@link Deliveries}); the response to each alert is its case
 * ({@link AlertCases}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerting",
		allowedDependencies = { "evidence", "findings", "identity", "schedule" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.alerting;
