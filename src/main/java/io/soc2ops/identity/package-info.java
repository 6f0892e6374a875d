/**
 * Users, their roles, API tokens and sign-in. Owns the security configuration: which role
 * may call which endpoint is decided here, in one place ({@code AccessRules}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "evidence")
@org.jspecify.annotations.NullMarked
package io.soc2ops.identity;
