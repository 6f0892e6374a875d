package io.soc2ops.alerting;

/**
 * Told of each alert the moment it is stored, inside the intake's transaction, so what it
 * stores (the outbox's deliveries, the alert's case) commits or rolls back with the
 * alert. An alert that was raised before (same idempotency key) is not told again.
 */
interface OnAlertRaised {

	/**
	 * @param idempotencyKey the alert's key: SHA-256 of event id, finding and rule
	 */
	void raised(Alert alert, AlertRule rule, String idempotencyKey);

}
