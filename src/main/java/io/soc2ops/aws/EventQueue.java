package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The SQS queue an EventBridge rule targets, as the rest of soc2ops sees it: whether it
 * is polled, and how that goes. The polling itself is {@link QueuePoller}'s.
 */
@Component
public class EventQueue {

	private final QueueSettings settings;

	private final Clock clock;

	private final AtomicLong stored = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private volatile boolean polling;

	private volatile @Nullable Instant lastReceiveAt;

	private volatile @Nullable Problem lastError;

	EventQueue(QueueSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	public QueueStatus status() {
		var url = settings.url();
		var error = lastError;
		return new QueueStatus(url == null ? null : url.toString(), polling, lastReceiveAt, stored.get(),
				rejected.get(), error == null ? null : error.message(), error == null ? null : error.at());
	}

	void polling(boolean polling) {
		this.polling = polling;
	}

	void received() {
		lastReceiveAt = clock.instant();
	}

	void stored() {
		stored.incrementAndGet();
	}

	void rejected(String error) {
		rejected.incrementAndGet();
		failed(error);
	}

	void failed(String error) {
		lastError = new Problem(error, clock.instant());
	}

	private record Problem(String message, Instant at) {

	}

}
