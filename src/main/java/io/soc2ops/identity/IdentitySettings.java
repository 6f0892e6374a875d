package io.soc2ops.identity;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param adminPassword the first-run admin's password (from
 * {@code SOC2OPS_ADMIN_PASSWORD}); when absent a random one is generated and printed once
 * @param maxFailedSignIns failed sign-ins for one username within {@code lockout} after
 * which further attempts are refused without checking the password
 * @param lockout how far back failed sign-ins count, and so how long a lock lasts
 */
@ConfigurationProperties("soc2ops.identity")
record IdentitySettings(@Nullable String adminPassword, @DefaultValue("5") int maxFailedSignIns,
		@DefaultValue("15m") Duration lockout) {

	static final int MIN_PASSWORD_LENGTH = 12;

}
