package io.soc2ops.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a producer on a second thread and hands its items over in chunks, so that reading
 * and parsing the input overlaps with writing to the database on the caller's thread
 * (which holds the transaction). At most a few chunks wait in between, so memory stays
 * bounded whatever the input's size. A failure of the producer is rethrown to the caller
 * by {@link #next()}; {@link #close()} stops the producer.
 */
final class ReadAhead<T> implements AutoCloseable {

	private static final int WAITING_CHUNKS = 3;

	private final BlockingQueue<Handover<T>> handovers = new ArrayBlockingQueue<>(WAITING_CHUNKS);

	private final int chunkSize;

	private final Thread producer;

	private volatile boolean closed;

	private boolean ended;

	/** What the producer hands over: a chunk, its end, or its failure. */
	private sealed interface Handover<T> {

	}

	private record Chunk<T>(List<T> items, long position) implements Handover<T> {
	}

	private record End<T>() implements Handover<T> {
	}

	private record Failure<T>(Throwable cause) implements Handover<T> {
	}

	/** A producer: given a sink, pushes every item into it, then returns. */
	interface Producer<T> {

		/**
		 * @param sink takes each item and the position reached in the input after it
		 */
		void produce(Sink<T> sink);

	}

	/** Where a producer puts its items. */
	interface Sink<T> {

		void accept(T item, long position);

	}

	/** A chunk of items and the input position reached when it was complete. */
	record Items<T>(List<T> items, long position) {

		boolean isEnd() {
			return items.isEmpty();
		}

	}

	ReadAhead(String name, int chunkSize, Producer<T> source) {
		this.chunkSize = chunkSize;
		this.producer = Thread.ofVirtual().name(name).unstarted(() -> run(source));
		this.producer.start();
	}

	private void run(Producer<T> source) {
		var collecting = new Collecting();
		try {
			source.produce(collecting);
			collecting.handOverRest();
			handOver(new End<>());
		}
		catch (Stopped ex) {
			// the consumer closed: nobody is waiting for the rest
		}
		catch (Throwable ex) {
			offerQuietly(new Failure<>(ex));
		}
	}

	/**
	 * The next chunk, or an empty one at the end of the input.
	 * @throws RuntimeException whatever stopped the producer
	 */
	Items<T> next() {
		if (ended) {
			return new Items<>(List.of(), 0);
		}
		Handover<T> handover;
		try {
			handover = handovers.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading findings", ex);
		}
		return switch (handover) {
			case Chunk<T> chunk -> new Items<>(chunk.items(), chunk.position());
			case End<T> end -> {
				ended = true;
				yield new Items<>(List.of(), 0);
			}
			case Failure<T> failure -> {
				ended = true;
				throw rethrow(failure.cause());
			}
		};
	}

	private static RuntimeException rethrow(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}

	@Override
	public void close() {
		closed = true;
		handovers.clear();
		producer.interrupt();
	}

	private void handOver(Handover<T> handover) {
		try {
			while (!handovers.offer(handover, 100, TimeUnit.MILLISECONDS)) {
				if (closed) {
					throw new Stopped();
				}
			}
		}
		catch (InterruptedException ex) {
			throw new Stopped();
		}
	}

	private void offerQuietly(Handover<T> handover) {
		try {
			handOver(handover);
		}
		catch (Stopped ex) {
			// the consumer has gone
		}
	}

	/** Gathers items into chunks on the producer's thread. */
	private final class Collecting implements Sink<T> {

		private List<T> chunk = new ArrayList<>(chunkSize);

		private long position;

		@Override
		public void accept(T item, long position) {
			if (closed) {
				throw new Stopped();
			}
			chunk.add(item);
			this.position = position;
			if (chunk.size() == chunkSize) {
				handOver(new Chunk<>(chunk, position));
				chunk = new ArrayList<>(chunkSize);
			}
		}

		void handOverRest() {
			if (!chunk.isEmpty()) {
				handOver(new Chunk<>(chunk, position));
			}
		}

	}

	/** Ends the producer once the consumer has closed. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
