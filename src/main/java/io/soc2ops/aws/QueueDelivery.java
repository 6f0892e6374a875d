package io.soc2ops.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingRejected;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Takes one queue message into the findings intake and deletes it once its findings are
 * committed. A message the intake refuses stays on the queue, so the queue's redrive
 * policy moves it to the dead-letter queue; one that could not be stored for another
 * reason (the database refused) comes again after its visibility timeout.
 */
final class QueueDelivery {

	static final Actor QUEUE_ACTOR = Actor.system("queue");

	/** Refused messages remembered, so each is logged and counted once. */
	private static final int REMEMBERED = 10_000;

	private static final int MAX_ERROR = 500;

	private static final Logger log = LoggerFactory.getLogger(QueueDelivery.class);

	enum Outcome {

		/** Stored and deleted, or stored and left to come again if the delete failed. */
		STORED,
		/** Refused by the intake: left on the queue. */
		REJECTED,
		/** Not stored for a reason other than its content: left to come again. */
		FAILED

	}

	private final String queueUrl;

	private final FindingsIntake intake;

	private final EventQueue queue;

	private final MeterRegistry metrics;

	private final Set<String> refused = Collections
		.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > REMEMBERED;
			}

		}));

	QueueDelivery(String queueUrl, FindingsIntake intake, EventQueue queue, MeterRegistry metrics) {
		this.queueUrl = queueUrl;
		this.intake = intake;
		this.queue = queue;
		this.metrics = metrics;
	}

	Outcome deliver(SqsClient sqs, Message message) {
		try {
			// the intake's transaction has committed when it returns
			var result = intake.accept(message.body(), IntakeChannel.QUEUE, queueUrl, QUEUE_ACTOR);
			queue.stored();
			metrics.counter("soc2ops.queue.accepted").increment();
			metrics.counter("soc2ops.queue.findings").increment(result.received());
		}
		catch (FindingRejected ex) {
			rejected(message, ex);
			return Outcome.REJECTED;
		}
		catch (RuntimeException ex) {
			String error = "message " + message.messageId() + " was not stored and will come again: "
					+ shorten(describe(ex));
			log.warn("Queue {}: {}", queueUrl, error);
			queue.failed(error);
			metrics.counter("soc2ops.queue.failures", "call", "intake").increment();
			return Outcome.FAILED;
		}
		delete(sqs, message);
		return Outcome.STORED;
	}

	private void delete(SqsClient sqs, Message message) {
		try {
			sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
		}
		catch (SdkException ex) {
			// its findings are stored: when it comes again, the intake finds them
			// unchanged
			String error = AwsFailure.of("sqs:DeleteMessage of message " + message.messageId(), ex).message();
			log.warn("Queue {}: {}", queueUrl, error);
			queue.failed(error);
			metrics.counter("soc2ops.queue.failures", "call", "DeleteMessage").increment();
		}
	}

	/** Names the record and field only: the message's content stays out of the log. */
	private void rejected(Message message, FindingRejected ex) {
		if (!refused.add(message.messageId())) {
			return;
		}
		String error = "message " + message.messageId() + " refused: record " + ex.record() + ", field " + ex.field()
				+ "; it stays on the queue for its redrive policy";
		log.warn("Queue {}: {}", queueUrl, error);
		queue.rejected(error);
		metrics.counter("soc2ops.queue.rejected", "reason", "invalid").increment();
	}

	/**
	 * The innermost cause, which says what failed (a refused connection, a missing
	 * table).
	 */
	private static String describe(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
		return cause.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
	}

	private static String shorten(String text) {
		return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
	}

}
