package io.soc2ops.access;

import org.jspecify.annotations.Nullable;

/**
 * Which requests a list shows; each part null means any.
 *
 * @param requestedBy the requester as {@code user:erin}
 * @param account an account ID the request names
 */
public record AccessRequestFilter(@Nullable AccessRequestState state, @Nullable PersonKey person,
		@Nullable String requestedBy, @Nullable String account) {

	public static AccessRequestFilter all() {
		return new AccessRequestFilter(null, null, null, null);
	}

}
