package io.soc2ops.aws.local;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A real SQS-compatible server (ElasticMQ) on a free port of 127.0.0.1, and an SDK client
 * to set up queues, send EventBridge events and look at what is left.
 */
public final class LocalQueue implements AutoCloseable {

	public static final String REGION = "ap-northeast-1";

	private final SQSRestServer server;

	private final URI endpoint;

	private final SqsClient sqs;

	private LocalQueue(SQSRestServer server, int port) {
		this.server = server;
		this.endpoint = URI.create("http://127.0.0.1:" + port);
		this.sqs = SqsClient.builder()
			.endpointOverride(endpoint)
			.region(Region.of(REGION))
			.credentialsProvider(credentials())
			.build();
	}

	public static LocalQueue start() {
		var server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
		int port = server.waitUntilStarted().localAddress().getPort();
		return new LocalQueue(server, port);
	}

	/** Credentials ElasticMQ accepts (it does not check them). */
	public static StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA000000000000QUEUE", LocalAws.SECRET));
	}

	public URI endpoint() {
		return endpoint;
	}

	public String create(String name) {
		return sqs.createQueue(request -> request.queueName(name)).queueUrl();
	}

	/**
	 * A queue whose messages move to {@code deadLetters} after {@code maxReceiveCount}
	 * receives, as an SQS redrive policy says.
	 */
	public String create(String name, String deadLetters, int maxReceiveCount) {
		String arn = sqs
			.getQueueAttributes(request -> request.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
		String policy = "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
		return sqs
			.createQueue(
					request -> request.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy)))
			.queueUrl();
	}

	public void delete(String url) {
		sqs.deleteQueue(request -> request.queueUrl(url));
	}

	/** Sends one message; returns its message ID. */
	public String send(String url, String body) {
		return sqs.sendMessage(request -> request.queueUrl(url).messageBody(body)).messageId();
	}

	/** Messages on the queue, visible or in flight (received, not yet deleted). */
	public int messages(String url) {
		var attributes = sqs
			.getQueueAttributes(request -> request.queueUrl(url)
				.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
						QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
			.attributes();
		return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
				+ Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
	}

	/** Takes every visible message off the queue (receiving, then deleting each). */
	public List<Message> drain(String url) {
		var all = new ArrayList<Message>();
		List<Message> batch;
		do {
			batch = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
				.messages();
			for (var message : batch) {
				sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
			}
			all.addAll(batch);
		}
		while (!batch.isEmpty());
		return all;
	}

	/**
	 * Waits until the condition holds, checking every 50 ms; fails after {@code limit}.
	 * For what happens on other threads, not to time anything.
	 */
	public static void await(String what, Duration limit, BooleanSupplier condition) {
		var deadline = Instant.now().plus(limit);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("still not true after " + limit + ": " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting until " + what, ex);
			}
		}
	}

	@Override
	public void close() {
		sqs.close();
		server.stopAndWait();
	}

}
