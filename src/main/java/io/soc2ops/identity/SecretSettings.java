package io.soc2ops.identity;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that seals secrets (webhook URLs, API keys) comes from.
 *
 * @param secretKey the base64 of 32 random bytes ({@code SOC2OPS_SECRET_KEY}); every
 * instance sharing one database needs the same key. When absent, the key is read from
 * {@code secret.key} in the data directory, created there on first use.
 * @param dataDir the data directory
 */
@ConfigurationProperties("soc2ops")
record SecretSettings(@Nullable String secretKey, @DefaultValue("./data") Path dataDir) {

	Path keyFile() {
		return dataDir.resolve("secret.key");
	}

}
