/**
 * The bundled demo organisation (a fictional company with three AWS accounts in Tokyo and
 * Osaka), loaded through the same module APIs real data uses. Only active with
 * {@code soc2ops.demo.enabled=true}, which {@code ./soc2ops demo} sets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo organisation",
		allowedDependencies = { "access", "alerting", "aws", "catalog", "evidence", "findings", "identity", "policies",
				"schedule", "vulnerabilities" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.demo;
