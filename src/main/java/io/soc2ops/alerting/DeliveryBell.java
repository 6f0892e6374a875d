package io.soc2ops.alerting;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this instance's dispatcher when an alert's deliveries are committed, so they go
 * out at once rather than at the next poll. Rings are not counted: many before it looks
 * wake it once.
 */
@Component
class DeliveryBell {

	private final Semaphore rung = new Semaphore(0);

	void ring() {
		if (rung.availablePermits() == 0) {
			rung.release();
		}
	}

	/** Rings once the current transaction commits (at once without one). */
	void ringAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			ring();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ring();
			}
		});
	}

	/** Waits for a ring, at most {@code timeout}. */
	void await(Duration timeout) throws InterruptedException {
		if (rung.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			rung.drainPermits();
		}
	}

}
