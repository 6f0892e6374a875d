package io.soc2ops.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param adminPassword the first-run admin's password (from
 * {@code SOC2OPS_ADMIN_PASSWORD}); when absent a random one is generated and printed once
 */
@ConfigurationProperties("soc2ops.identity")
record IdentitySettings(@Nullable String adminPassword) {

	static final int MIN_PASSWORD_LENGTH = 12;

}
