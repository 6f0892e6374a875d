package io.soc2ops.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Works on many account-Regions at once, one virtual thread each, at most
 * {@code maxConcurrency} at a time. Results come back in the order of the input; a task
 * is expected to turn its own failures into a result, so one account never stops the
 * others.
 */
final class FanOut {

	private FanOut() {
	}

	static <T, R> List<R> each(List<T> items, int maxConcurrency, Function<T, R> task) {
		return each(items, maxConcurrency, task, RunSlot.Progress.NONE);
	}

	/** The same, telling {@code progress} of every item done. */
	static <T, R> List<R> each(List<T> items, int maxConcurrency, Function<T, R> task, RunSlot.Progress progress) {
		progress.total(items.size());
		var permits = new Semaphore(maxConcurrency);
		var futures = new ArrayList<Future<R>>();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (T item : items) {
				futures.add(executor.submit(() -> {
					permits.acquire();
					try {
						return task.apply(item);
					}
					finally {
						permits.release();
						progress.done();
					}
				}));
			}
			var results = new ArrayList<R>(futures.size());
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while working on AWS accounts", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
