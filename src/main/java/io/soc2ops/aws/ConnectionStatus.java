package io.soc2ops.aws;

/**
 * How far soc2ops got with an account and Region.
 */
public enum ConnectionStatus {

	/** Every call worked. */
	OK,
	/**
	 * AWS refused a call: the role could not be assumed, or lacks a permission the policy
	 * under {@code classpath:aws/} grants.
	 */
	ACCESS_DENIED,
	/**
	 * Security Hub is not enabled in that account and Region (for an Amazon Inspector
	 * read: Inspector is not).
	 */
	NOT_ENABLED,
	/** Anything else: a timeout, a throttle that outlasted the retries, an AWS error. */
	ERROR

}
