package io.soc2ops.alerting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import software.amazon.event.ruler.Machine;

/**
 * Events in, alerts out, measured (run by {@code bench/events}): the real server on a
 * loopback port takes one EventBridge event per {@code POST /api/v1/events}, as an API
 * destination sends them, at a fixed rate (open loop: each request's latency counts from
 * when it was due, so a stall is not hidden by sending less). Every event carries one new
 * GuardDuty finding that the default rule matches, so each request stores a finding, an
 * alert and what the alert starts, in one transaction. The same events matched by
 * event-ruler alone, in-process, are the ratio's base.
 */
final class EventsBenchmark {

	private EventsBenchmark() {
	}

	/**
	 * @param args events per second (5000), seconds measured (30), JDBC URL (H2 in a
	 * temporary directory when absent), then any {@code --soc2ops.*=...} settings
	 */
	public static void main(String[] args) throws Exception {
		int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		var data = Files.createTempDirectory("soc2ops-events");
		var properties = new ArrayList<>(List.of("--soc2ops.data-dir=" + data, "--server.port=0",
				"--soc2ops.identity.admin-password=bench-password-123", "--logging.level.root=WARN",
				"--soc2ops.schedule.enabled=false", "--soc2ops.alerting.delivery.enabled=false",
				// the database named here (or the default H2 file), not the tests' own
				"--" + io.soc2ops.TestDatabases.KEEP_DATASOURCE + "=true"));
		if (args.length > 2 && !args[2].isBlank()) {
			properties.add("--spring.datasource.url=" + args[2]);
		}
		if (args.length > 3) {
			properties.addAll(List.of(args).subList(3, args.length));
		}
		var events = events(rate * (seconds + 10));
		System.out.printf("%d events of %d bytes each (one GuardDuty finding per event)%n", events.size(),
				events.getFirst().length());
		rulerBase(events);
		try (var context = new SpringApplicationBuilder(Soc2opsApplication.class)
			.run(properties.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String key = apiKey(context.getBean(Users.class), context.getBean(ApiTokens.class));
			var jdbc = context.getBean(JdbcClient.class);
			var sender = new Sender(URI.create("http://127.0.0.1:" + port + "/api/v1/events"), key);
			sender.run(events.subList(0, rate * 10), rate, "warm-up (10 s, not counted)");
			long alertsBefore = count(jdbc, "alert");
			var measured = sender.run(events.subList(rate * 10, events.size()), rate, "measured");
			long alerts = count(jdbc, "alert") - alertsBefore;
			System.out.printf("alerts stored for the measured events: %d of %d (%s)%n", alerts, measured,
					alerts == measured ? "each event raised its alert" : "MISSING ALERTS");
			System.out.printf("rows now: %d alerts, %s deliveries, %s cases%n", count(jdbc, "alert"),
					optionalCount(jdbc, "alert_delivery"), optionalCount(jdbc, "alert_case"));
		}
	}

	/** One event per request, each with its own event id and finding id. */
	static List<String> events(int count) {
		String now = Instant.now().toString();
		var events = new ArrayList<String>(count);
		for (int i = 0; i < count; i++) {
			String id = UUID.randomUUID().toString();
			var finding = Events.guardDuty(f -> {
				f.put("Id", "arn:aws:guardduty:ap-northeast-1:111122223333:detector/bench/finding/" + id);
				f.put("UpdatedAt", now);
			});
			var envelope = Events.JSON.readTree(Events.envelope(finding));
			((tools.jackson.databind.node.ObjectNode) envelope).put("id", id);
			events.add(envelope.toString());
		}
		return events;
	}

	private static void rulerBase(List<String> events) throws Exception {
		String pattern;
		try (var in = new ClassPathResource("alerting/default-rule.json").getInputStream()) {
			pattern = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		var machine = new Machine();
		machine.addRule("default", pattern);
		long best = Long.MAX_VALUE;
		int matched = 0;
		for (int pass = 0; pass < 3; pass++) {
			matched = 0;
			long start = System.nanoTime();
			for (String event : events) {
				matched += machine.rulesForJSONEvent(event).size();
			}
			best = Math.min(best, System.nanoTime() - start);
		}
		System.out.printf("base: raw event-ruler in-process, one thread: %,.0f events/s (%d of %d matched)%n",
				events.size() * 1e9 / best, matched, events.size());
	}

	private static String apiKey(Users users, ApiTokens tokens) {
		var name = Username.of("bench-operator");
		users.create(name, "Benchmark operator", Set.of(Role.OPERATOR), "bench-password-123", Actor.system("bench"));
		return tokens.issue(name, "eventbridge", Actor.system("bench")).secret();
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static String optionalCount(JdbcClient jdbc, String table) {
		try {
			return String.valueOf(count(jdbc, table));
		}
		catch (RuntimeException ex) {
			return "no table " + table + ":";
		}
	}

	/** Sends events at a fixed rate, each on its own virtual thread. */
	private record Sender(URI uri, String key, HttpClient http) {

		static final int CONNECTIONS = 200;

		Sender(URI uri, String key) {
			this(uri, key,
					HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.executor(Executors.newVirtualThreadPerTaskExecutor())
						.build());
		}

		int run(List<String> events, int rate, String label) throws InterruptedException {
			var latencies = new AtomicLongArray(events.size());
			var failures = new AtomicInteger();
			var firstFailure = new StringBuilder();
			long start = System.nanoTime();
			long interval = 1_000_000_000L / rate;
			// as a load balancer would: a bounded number of connections, the rest wait
			// (and
			// their waiting counts in their latency)
			var connections = new Semaphore(CONNECTIONS);
			try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < events.size(); i++) {
					long due = start + i * interval;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					int n = i;
					connections.acquireUninterruptibly();
					threads.execute(() -> {
						try {
							latencies.set(n, send(events.get(n), due, failures, firstFailure));
						}
						finally {
							connections.release();
						}
					});
				}
				threads.shutdown();
				threads.awaitTermination(5, TimeUnit.MINUTES);
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			report(label, latencies, events.size(), failures.get(), elapsed, rate);
			if (!firstFailure.isEmpty()) {
				System.out.println("  first failure: " + firstFailure);
			}
			return events.size() - failures.get();
		}

		private long send(String event, long due, AtomicInteger failures, StringBuilder firstFailure) {
			var request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.header("X-Api-Key", key)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(event))
				.build();
			try {
				var response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					fail(failures, firstFailure, response.statusCode() + " " + response.body());
				}
			}
			catch (Exception ex) {
				fail(failures, firstFailure, ex.toString());
			}
			return System.nanoTime() - due;
		}

		private static void fail(AtomicInteger failures, StringBuilder first, String what) {
			if (failures.getAndIncrement() == 0) {
				synchronized (first) {
					first.append(what, 0, Math.min(300, what.length()));
				}
			}
		}

		private static void report(String label, AtomicLongArray latencies, int sent, int failed, double elapsed,
				int rate) {
			long[] sorted = new long[latencies.length()];
			for (int i = 0; i < sorted.length; i++) {
				sorted[i] = latencies.get(i);
			}
			Arrays.sort(sorted);
			System.out.printf(
					"%s: %d events in %.1f s = %,.0f events/s (asked %d/s), %d failed; latency from due time"
							+ " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
					label, sent, elapsed, sent / elapsed, rate, failed, ms(sorted, 0.50), ms(sorted, 0.90),
					ms(sorted, 0.99), ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
		}

		private static double ms(long[] sorted, double quantile) {
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
		}

	}

}
