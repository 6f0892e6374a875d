/**
 * The web UI (Thymeleaf + htmx, English and Japanese) and the REST API under
 * {@code /api/v1}. Controllers translate HTTP to module calls and back; no business
 * rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
		allowedDependencies = { "access", "alerting", "aws", "catalog", "demo", "evidence", "findings", "identity",
				"policies", "schedule", "vulnerabilities" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.web;
