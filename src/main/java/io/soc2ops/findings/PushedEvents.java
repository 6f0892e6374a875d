package io.soc2ops.findings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import io.soc2ops.evidence.Actor;

/**
 * Events pushed one per request (EventBridge's API destination sends them so), stored in
 * as few transactions as the load allows: each request is read and checked on its own
 * thread, then a committer stores everything waiting in one transaction and answers every
 * sender once it has committed. Under load a transaction carries many events, so the
 * ledger's one-at-a-time append and the commit are paid per batch rather than per event;
 * alone, an event is stored at once. A few committers work side by side, so one batch's
 * inserts overlap another's commit. A batch that fails is retried request by request, so
 * one sender's problem is never another's.
 */
@Service
public class PushedEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PushedEvents.class);

	static final int MAX_BATCH = 256;

	/** Enough to keep the database busy while one of them waits for its commit. */
	static final int COMMITTERS = 4;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final FindingsIntake intake;

	private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();

	private volatile boolean running;

	private volatile List<Thread> committers = List.of();

	PushedEvents(FindingsIntake intake) {
		this.intake = intake;
	}

	/**
	 * Stores the findings of one request (one or more events) and returns once they are
	 * committed.
	 * @throws FindingRejected naming the record and field; nothing of it is stored
	 * @throws NotStored when soc2ops is stopping or the store does not answer in time
	 */
	public IntakeResult accept(byte[] body, IntakeChannel channel, String origin, Actor by) {
		var request = new Waiting(intake.parse(body, channel, origin, by), new CompletableFuture<>());
		if (!running) {
			throw new NotStored("soc2ops is not taking events now (starting or stopping)", null);
		}
		waiting.add(request);
		try {
			return request.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new NotStored("the event was not stored within " + WAIT.toSeconds() + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotStored("interrupted while the event was being stored", ex);
		}
	}

	private void commitWhileRunning() {
		var batch = new ArrayList<Waiting>(MAX_BATCH);
		while (running || !waiting.isEmpty()) {
			try {
				var first = waiting.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				waiting.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				log.error("committing pushed events failed", ex);
				batch.forEach(request -> request.result().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Waiting> batch) {
		var byChannel = new java.util.LinkedHashMap<IntakeChannel, List<Waiting>>();
		batch.forEach(r -> byChannel.computeIfAbsent(r.parsed().channel(), c -> new ArrayList<>()).add(r));
		for (var requests : byChannel.values()) {
			try {
				complete(requests, intake.storeTogether(requests.stream().map(Waiting::parsed).toList()));
			}
			catch (RuntimeException ex) {
				if (requests.size() == 1) {
					requests.getFirst().result().completeExceptionally(ex);
					continue;
				}
				requests.forEach(request -> commit(List.of(request)));
			}
		}
	}

	private static void complete(List<Waiting> requests, List<IntakeResult> results) {
		for (int i = 0; i < requests.size(); i++) {
			requests.get(i).result().complete(results.get(i));
		}
	}

	@Override
	public void start() {
		running = true;
		var started = new ArrayList<Thread>();
		for (int i = 0; i < COMMITTERS; i++) {
			started.add(Thread.ofPlatform().name("event-committer-" + i).daemon().start(this::commitWhileRunning));
		}
		committers = List.copyOf(started);
	}

	/** Stores what is waiting, then stops. */
	@Override
	public void stop() {
		running = false;
		try {
			for (var committer : committers) {
				committer.join(WAIT.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** After the web server stops taking requests, so that those it took are stored. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Not stored for want of time or because soc2ops is stopping: worth sending again.
	 */
	public static final class NotStored extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotStored(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	private record Waiting(FindingsIntake.Parsed parsed, CompletableFuture<IntakeResult> result) {
	}

}
