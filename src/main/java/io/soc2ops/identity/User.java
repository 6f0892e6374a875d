package io.soc2ops.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in to soc2ops.
 */
public record User(Username username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {

	public User {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

}
