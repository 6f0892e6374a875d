/**
 * The command line of the soc2ops jar (picocli): {@code serve}, {@code demo},
 * {@code ledger verify}, {@code report vulnerabilities}. Commands call module APIs and
 * hold no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CLI",
		allowedDependencies = { "access", "alerting", "aws", "evidence", "findings", "identity", "policies",
				"vulnerabilities" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.cli;
