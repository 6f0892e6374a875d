/**
 * The command line of the soc2ops jar (picocli): {@code serve}, {@code demo} and
 * {@code ledger verify}. Commands call module APIs and hold no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CLI",
		allowedDependencies = { "alerting", "aws", "evidence", "findings", "policies" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.cli;
