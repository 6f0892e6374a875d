package io.soc2ops.identity;

/**
 * A freshly issued token with its secret. The secret exists only in this object: show it
 * once, then let it go.
 */
public record IssuedToken(ApiToken token, String secret) {

	@Override
	public String toString() {
		return "IssuedToken[" + token.id() + "]";
	}

}
