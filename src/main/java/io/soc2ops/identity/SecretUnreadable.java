package io.soc2ops.identity;

/**
 * A sealed secret that cannot be opened: the key changed, or the stored value was altered
 * or damaged. The message never holds the stored value.
 */
public class SecretUnreadable extends RuntimeException {

	private static final long serialVersionUID = 1L;

	SecretUnreadable(String message) {
		super(message);
	}

}
