package io.soc2ops.aws;

import java.util.function.LongSupplier;

/**
 * A token bucket: at most {@code perSecond} requests per second on average, bursts of one
 * second's worth. A caller that finds the bucket empty reserves the next token and waits
 * for it, so waiting callers go in the order they came.
 */
final class RequestRate {

	/** Waits the given nanoseconds; replaceable so tests need not sleep. */
	interface Pause {

		void nanos(long nanos) throws InterruptedException;

		Pause SLEEP = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

	}

	private final double perSecond;

	private final double tokensPerNano;

	private final double burst;

	private final LongSupplier nanoTime;

	private final Pause pause;

	private double tokens;

	private long last;

	RequestRate(double perSecond, LongSupplier nanoTime, Pause pause) {
		if (!(perSecond > 0)) {
			throw new IllegalArgumentException("a rate must be positive but was " + perSecond);
		}
		this.perSecond = perSecond;
		this.tokensPerNano = perSecond / 1e9;
		this.burst = Math.max(1, Math.floor(perSecond));
		this.nanoTime = nanoTime;
		this.pause = pause;
		this.tokens = burst;
		this.last = nanoTime.getAsLong();
	}

	RequestRate(double perSecond) {
		this(perSecond, System::nanoTime, Pause.SLEEP);
	}

	double perSecond() {
		return perSecond;
	}

	/** Takes one token, waiting until there is one. */
	void acquire() throws InterruptedException {
		long wait = reserve();
		if (wait > 0) {
			pause.nanos(wait);
		}
	}

	/** Takes one token now, possibly owed; returns how long to wait until it is due. */
	synchronized long reserve() {
		long now = nanoTime.getAsLong();
		tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
		last = now;
		tokens -= 1;
		return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
	}

}
