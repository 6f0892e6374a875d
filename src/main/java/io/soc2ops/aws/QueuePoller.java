package io.soc2ops.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Polls the event queue in the server: each loop (a virtual thread) long-polls
 * {@code ReceiveMessage} and hands every message to {@link QueueDelivery}. A failed
 * receive is reported and retried after a wait that doubles up to a cap; it never ends
 * the loop. On shutdown a loop that waits for messages is woken and stops; one with
 * messages in hand stores and deletes them first. Whatever is interrupted stays on the
 * queue and comes again after its visibility timeout, so nothing is lost.
 */
final class QueuePoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(QueuePoller.class);

	/** Time to spare between the longest receive and a read or attempt timeout. */
	private static final Duration MARGIN = Duration.ofSeconds(5);

	private final QueueSettings settings;

	private final AwsSettings aws;

	private final AwsClients clients;

	private final QueueDelivery delivery;

	private final EventQueue queue;

	private final MeterRegistry metrics;

	private final String queueUrl;

	private final List<Loop> loops = new ArrayList<>();

	private volatile CountDownLatch stopping = new CountDownLatch(1);

	QueuePoller(QueueSettings settings, AwsSettings aws, AwsClients clients, QueueDelivery delivery, EventQueue queue,
			MeterRegistry metrics) {
		this.settings = settings;
		this.aws = aws;
		this.clients = clients;
		this.delivery = delivery;
		this.queue = queue;
		this.metrics = metrics;
		this.queueUrl = String.valueOf(settings.url());
	}

	@Override
	public synchronized void start() {
		if (isRunning() || settings.url() == null) {
			return;
		}
		var sqs = clients.sqs(region());
		stopping = new CountDownLatch(1);
		for (int n = 1; n <= settings.pollers(); n++) {
			var loop = new Loop(sqs);
			loops.add(loop);
			loop.thread = Thread.ofVirtual().name("soc2ops-queue-" + n).start(loop::run);
		}
		queue.polling(true);
		log.info("Polling {} with {} loop(s)", queueUrl, settings.pollers());
	}

	/** Refuses settings with which polling cannot work, naming what to set. */
	private Region region() {
		if (!aws.enabled()) {
			throw new IllegalStateException("soc2ops.aws.queue.url is set but soc2ops.aws.enabled is false:"
					+ " enable AWS (with soc2ops.aws.regions) to poll the queue");
		}
		var timeouts = aws.timeouts();
		var longest = settings.waitTime().plus(MARGIN);
		if (timeouts.read().compareTo(longest) < 0 || timeouts.attempt().compareTo(longest) < 0) {
			throw new IllegalStateException("soc2ops.aws.timeouts.read and .attempt must be at least "
					+ longest.toSeconds() + "s: soc2ops.aws.queue.wait-time plus " + MARGIN.toSeconds() + "s");
		}
		return settings.queueRegion().orElse(aws.homeRegion());
	}

	@Override
	public void stop() {
		List<Loop> running;
		synchronized (this) {
			running = List.copyOf(loops);
			loops.clear();
		}
		stopping.countDown();
		running.forEach(Loop::stop);
		for (var loop : running) {
			var thread = loop.thread;
			if (thread != null) {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		queue.polling(false);
		if (!running.isEmpty()) {
			log.info("Stopped polling {}", queueUrl);
		}
	}

	@Override
	public void stop(Runnable callback) {
		Thread.ofVirtual().name("soc2ops-queue-stop").start(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		});
	}

	@Override
	public synchronized boolean isRunning() {
		return !loops.isEmpty();
	}

	/** One receive loop; {@code receiving} says whether an interrupt may reach it. */
	private final class Loop {

		private final SqsClient sqs;

		private volatile @Nullable Thread thread;

		private boolean running = true;

		private boolean receiving;

		Loop(SqsClient sqs) {
			this.sqs = sqs;
		}

		void run() {
			int failures = 0;
			while (true) {
				List<Message> messages;
				try {
					messages = receive();
					if (messages == null) {
						return;
					}
					queue.received();
				}
				catch (RuntimeException ex) {
					// SDK errors, and whatever else: the loop goes on
					if (stopped()) {
						return;
					}
					failures++;
					var failure = AwsFailure.of("sqs:ReceiveMessage from " + queueUrl, ex);
					report(failure.message(), "ReceiveMessage", failures);
					pause(failures);
					continue;
				}
				// messages in hand are stored and deleted even when stopping
				boolean failed = false;
				for (var message : messages) {
					failed |= delivery.deliver(sqs, message) == QueueDelivery.Outcome.FAILED;
				}
				failures = failed ? failures + 1 : 0;
				if (failed) {
					pause(failures);
				}
			}
		}

		/** The next messages, or null when stopping. */
		private @Nullable List<Message> receive() {
			synchronized (this) {
				if (!running) {
					return null;
				}
				receiving = true;
			}
			try {
				return sqs
					.receiveMessage(request -> request.queueUrl(queueUrl)
						.maxNumberOfMessages(settings.maxMessages())
						.waitTimeSeconds((int) settings.waitTime().toSeconds())
						.visibilityTimeout((int) settings.visibilityTimeout().toSeconds()))
					.messages();
			}
			finally {
				synchronized (this) {
					receiving = false;
					// an interrupt meant for the receive must not reach the intake
					Thread.interrupted();
				}
			}
		}

		synchronized void stop() {
			running = false;
			var current = thread;
			if (receiving && current != null) {
				current.interrupt();
			}
		}

		private synchronized boolean stopped() {
			return !running;
		}

		private void report(String error, String call, int failures) {
			log.warn("{} (failure {} in a row; next try in {})", error, failures, settings.retryDelay(failures));
			queue.failed(error);
			metrics.counter("soc2ops.queue.failures", "call", call).increment();
		}

		private void pause(int failures) {
			try {
				stopping.await(settings.retryDelay(failures).toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
