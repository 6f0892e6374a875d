package io.soc2ops.alerting;

import java.util.List;

/**
 * Told of the alerts the moment they are stored, inside the intake's transaction, so what
 * it stores (the outbox's deliveries, the alerts' cases) commits or rolls back with the
 * alerts. An alert that was raised before (same idempotency key) is not told again.
 */
interface OnAlertRaised {

	/**
	 * @param alerts the alerts one batch of events raised, in order
	 */
	void raised(List<Raised> alerts);

	/**
	 * An alert as it was raised.
	 *
	 * @param idempotencyKey the alert's key: SHA-256 of event id, finding and rule
	 */
	record Raised(Alert alert, AlertRule rule, String idempotencyKey) {
	}

}
