package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.aws.local.LocalQueue;
import io.soc2ops.web.EventsApiFixtures;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Stopping the server while it works the queue loses no event: every event is either
 * stored or still on the queue, and no loop goes on after the server has stopped.
 */
class QueueShutdownTests {

	static final int EVENTS = 40;

	static final LocalQueue sqs = LocalQueue.start();

	@AfterAll
	static void stop() {
		sqs.close();
	}

	@Test
	void stoppingTheServerMidStreamLeavesEveryEventStoredOrOnTheQueue() {
		String queue = sqs.create("shutdown-" + UUID.randomUUID());
		var all = IntStream.rangeClosed(1, EVENTS).mapToObj(n -> "sd-" + n).collect(Collectors.toSet());
		all.forEach(id -> sqs.send(queue, EventsApiFixtures.envelope("event-" + id,
				java.util.List.of(EventsApiFixtures.guardDuty(id, "2026-11-20T03:14:00.000Z")))));
		var database = TestDatabases.fresh();

		try (var server = server(database, queue)) {
			var status = server.getBean(EventQueue.class);
			LocalQueue.await("the first event stored", Duration.ofSeconds(60), () -> status.status().stored() > 0);
		}

		var stored = storedIds(database);
		var onQueue = new HashSet<String>();
		LocalQueue.await("every event stored or back on the queue", Duration.ofSeconds(30), () -> {
			sqs.drain(queue).forEach(message -> onQueue.add(findingId(message.body())));
			var seen = new HashSet<>(stored);
			seen.addAll(onQueue);
			return seen.equals(all);
		});
		sqs.send(queue, EventsApiFixtures.envelope("after-stop",
				java.util.List.of(EventsApiFixtures.guardDuty("sd-late", "2026-11-20T03:14:00.000Z"))));
		assertThat(sqs.drain(queue)).as("no loop polls after the server stopped").hasSize(1);
		assertThat(storedIds(database)).isEqualTo(stored);
	}

	private static ConfigurableApplicationContext server(java.util.Map<String, Object> database, String queue) {
		var properties = new HashMap<>(database);
		properties.put("server.port", "0");
		properties.put("soc2ops.aws.enabled", "true");
		properties.put("soc2ops.aws.regions", "ap-northeast-1");
		properties.put("soc2ops.aws.endpoint", sqs.endpoint().toString());
		properties.put("soc2ops.aws.queue.url", queue);
		properties.put("soc2ops.aws.queue.max-messages", "3");
		properties.put("soc2ops.aws.queue.visibility-timeout", "1s");
		return new SpringApplicationBuilder(Soc2opsApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("awsCredentials", (AwsCredentialsProvider) LocalQueue.credentials()))
			.run(properties.entrySet()
				.stream()
				.map(p -> "--" + p.getKey() + "=" + p.getValue())
				.toArray(String[]::new));
	}

	private static Set<String> storedIds(java.util.Map<String, Object> database) {
		return JdbcClient.create(TestDatabases.dataSource(database))
			.sql("SELECT finding_id FROM finding")
			.query(String.class)
			.stream()
			.map(id -> id.substring(id.lastIndexOf('/') + 1))
			.collect(Collectors.toSet());
	}

	private static String findingId(String envelope) {
		var matcher = java.util.regex.Pattern.compile("/finding/(sd-[0-9a-z]+)\"").matcher(envelope);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
