package io.soc2ops.access;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.annotation.Propagation;

import io.soc2ops.schedule.Schedules;

/**
 * Reconciles soon after the holdings or the cover changed, coalescing bursts: a change
 * while a reconciliation runs asks for one more run after it, however many changes come,
 * so a collection that stores two hundred accounts' credential reports causes two runs,
 * not two hundred. Runs on a thread of its own, so the inventory's transaction (whose
 * commit publishes {@link AccessInventoryChanged}) never waits for it. A request lost to
 * a crash is made up by the next scheduled run. Only on instances where
 * {@code soc2ops.access.unapproved.on-change} holds (by default, those that run recurring
 * tasks; one-shot commands leave it to the server).
 */
@Component
class ReconciliationTrigger implements DisposableBean {

	static final String LISTENER_ID = "access.reconciliation-on-inventory";

	private static final Logger log = LoggerFactory.getLogger(ReconciliationTrigger.class);

	private final ReconciliationRunner runner;

	private final boolean enabled;

	private final AtomicReference<@Nullable String> pending = new AtomicReference<>();

	private final AtomicBoolean running = new AtomicBoolean();

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("access-reconciliation").factory());

	ReconciliationTrigger(ReconciliationRunner runner, ReconciliationSettings settings, Schedules schedules) {
		this.runner = runner;
		this.enabled = settings.onChange() != null ? settings.onChange() : schedules.runHere();
	}

	@ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
	void on(AccessInventoryChanged changed) {
		request("inventory");
	}

	@TransactionalEventListener
	void on(CoverChanged changed) {
		request("cover");
	}

	/** Asks for a reconciliation soon; returns at once. */
	void request(String trigger) {
		if (!enabled) {
			return;
		}
		pending.set(trigger);
		if (running.compareAndSet(false, true)) {
			executor.execute(this::drain);
		}
	}

	/** Whether no reconciliation is running or asked for here. */
	boolean idle() {
		return !running.get() && pending.get() == null;
	}

	private void drain() {
		try {
			for (String trigger = pending.getAndSet(null); trigger != null; trigger = pending.getAndSet(null)) {
				try {
					runner.run(trigger);
				}
				catch (RuntimeException ex) {
					log.warn("Access reconciliation after a change failed; the next scheduled run makes it up", ex);
				}
			}
		}
		finally {
			running.set(false);
		}
		// asked for between the last look and letting go
		if (pending.get() != null && running.compareAndSet(false, true)) {
			executor.execute(this::drain);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdownNow();
		executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
