package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.soc2ops.evidence.Actor;

/**
 * At most one run of a kind at a time in this process, and the progress of the latest: a
 * second check asked for while one runs joins it instead of calling AWS again.
 */
final class RunSlot {

	private static final Logger log = LoggerFactory.getLogger(RunSlot.class);

	/** Counts the account-Regions of a run as they are done. */
	interface Progress {

		Progress NONE = new Progress() {
			@Override
			public void total(int targets) {
			}

			@Override
			public void done() {
			}
		};

		void total(int targets);

		void done();

	}

	/** A run of this kind is going on already. */
	static final class Busy extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		Busy(AwsRun run) {
			super("a " + run.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
					+ " is already running, started by " + run.startedBy() + " at " + run.startedAt());
		}

	}

	private final AwsRun.Kind kind;

	private final Clock clock;

	private final AtomicReference<@Nullable Tracker> latest = new AtomicReference<>();

	RunSlot(AwsRun.Kind kind, Clock clock) {
		this.kind = kind;
		this.clock = clock;
	}

	/**
	 * Runs {@code work} on this thread.
	 * @throws Busy when a run of this kind is going on
	 */
	<R> R run(Actor by, Function<Progress, R> work) {
		var tracker = claim(by).orElseThrow(() -> new Busy(snapshot()));
		return tracker.run(work);
	}

	/**
	 * Starts {@code work} on a virtual thread unless a run of this kind is going on.
	 * @return whether this call started it (otherwise the running one goes on alone)
	 */
	boolean start(Actor by, Function<Progress, ?> work) {
		var tracker = claim(by);
		tracker.ifPresent(
				t -> Thread.ofVirtual().name("aws-" + kind.name().toLowerCase(java.util.Locale.ROOT)).start(() -> {
					try {
						t.run(work);
					}
					catch (RuntimeException ex) {
						log.warn("{} started by {} failed", kind, by, ex);
					}
				}));
		return tracker.isPresent();
	}

	/** The run going on, or else the last one since this process started. */
	Optional<AwsRun> latest() {
		var tracker = latest.get();
		return tracker == null ? Optional.empty() : Optional.of(tracker.snapshot());
	}

	private AwsRun snapshot() {
		return latest().orElseThrow();
	}

	private Optional<Tracker> claim(Actor by) {
		var next = new Tracker(by, clock.instant());
		while (true) {
			var current = latest.get();
			if (current != null && current.finishedAt == null) {
				return Optional.empty();
			}
			if (latest.compareAndSet(current, next)) {
				return Optional.of(next);
			}
		}
	}

	private final class Tracker implements Progress {

		private final Actor by;

		private final Instant startedAt;

		private final AtomicInteger done = new AtomicInteger();

		private volatile int total;

		private volatile @Nullable Instant finishedAt;

		private volatile @Nullable String failure;

		Tracker(Actor by, Instant startedAt) {
			this.by = by;
			this.startedAt = startedAt;
		}

		<R> R run(Function<Progress, R> work) {
			try {
				return work.apply(this);
			}
			catch (RuntimeException ex) {
				failure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
				throw ex;
			}
			finally {
				finishedAt = clock.instant();
			}
		}

		@Override
		public void total(int targets) {
			total = targets;
		}

		@Override
		public void done() {
			done.incrementAndGet();
		}

		AwsRun snapshot() {
			return new AwsRun(kind, by, startedAt, done.get(), total, finishedAt, failure);
		}

	}

}
