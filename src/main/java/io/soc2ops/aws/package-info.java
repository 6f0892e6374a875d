/**
 * Connections to AWS: the accounts in scope (single account or an Organization), their
 * environment and regions. Later: credentials, AssumeRole, rate limits and collectors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "AWS", allowedDependencies = "evidence")
@org.jspecify.annotations.NullMarked
package io.soc2ops.aws;
