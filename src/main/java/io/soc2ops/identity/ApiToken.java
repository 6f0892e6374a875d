package io.soc2ops.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as listed: never the secret itself, which is shown once when issued and
 * stored only as a hash.
 *
 * @param prefix the first characters of the secret, so a person can tell tokens apart
 */
public record ApiToken(String id, Username owner, String name, String prefix, Instant createdAt,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}

}
