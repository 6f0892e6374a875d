package io.soc2ops.alerting;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
				"--soc2ops.alerting.local-webhooks-allowed=true",
				// the database named here (or the default H2 file), not the tests' own
				"--" + io.soc2ops.TestDatabases.KEEP_DATASOURCE + "=true"));
		if (args.length > 2 && !args[2].isBlank()) {
			properties.add("--spring.datasource.url=" + args[2]);
		}
		if (args.length > 3) {
			properties.addAll(List.of(args).subList(3, args.length));
		}
		// the JIT needs a while on two shared cores; BENCH_WARMUP_SECONDS changes it
		int warmUp = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "20"));
		var events = events(rate * (seconds + warmUp));
		System.out.printf("%d events of %d bytes each (one GuardDuty finding per event)%n", events.size(),
				events.getFirst().length());
		rulerBase(events);
		try (var context = new SpringApplicationBuilder(Soc2opsApplication.class)
			.run(properties.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String key = apiKey(context.getBean(Users.class), context.getBean(ApiTokens.class));
			var jdbc = context.getBean(JdbcClient.class);
			routeDefaultRule(context);
			var sender = new Sender("127.0.0.1", port, key);
			sender.run(events.subList(0, rate * warmUp), rate, "warm-up (" + warmUp + " s, not counted)");
			long alertsBefore = count(jdbc, "alert");
			var cpu = CpuTime.now();
			var measured = sender.run(events.subList(rate * warmUp, events.size()), rate, "measured");
			CpuTime.now().since(cpu).print(measured);
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

	/**
	 * Routes the default rule to a Slack route, so that each alert also writes its outbox
	 * row (the dispatcher is off: this measures intake, not delivery).
	 */
	private static void routeDefaultRule(ConfigurableApplicationContext context) {
		var by = Actor.system("bench");
		context.getBean(AlertRoutes.class)
			.create("bench-slack", "http://127.0.0.1:9/services/T0BENCH00/B0BENCH001/benchbenchbenchbenchbench", true,
					by);
		var rules = context.getBean(AlertRules.class);
		var rule = rules.list().getFirst();
		rules.change(
				new AlertRuleDraft(rule.name(), rule.pattern(), rule.severityFloor(), List.of("bench-slack"), true),
				by);
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

	/**
	 * Sends events at a fixed rate, each on its own virtual thread, over at most
	 * {@link #CONNECTIONS} kept-alive HTTP/1.1 connections. A plain socket client rather
	 * than the JDK's: the load generator shares the server's cores, and the JDK client
	 * spent about a tenth of them.
	 */
	private record Sender(String host, int port, String key, BlockingQueue<Connection> idle) {

		static final int CONNECTIONS = 200;

		Sender(String host, int port, String key) {
			this(host, port, key, new LinkedBlockingQueue<>());
		}

		int run(List<String> events, int rate, String label) throws InterruptedException {
			var latencies = new AtomicLongArray(events.size());
			var failures = new AtomicInteger();
			var firstFailure = new StringBuilder();
			long start = System.nanoTime();
			long interval = 1_000_000_000L / rate;
			// as a load balancer would: a bounded number of connections, the rest wait
			// (and their waiting counts in their latency)
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
			byte[] body = event.getBytes(StandardCharsets.UTF_8);
			byte[] head = ("POST /api/v1/events HTTP/1.1\r\nHost: " + host + ":" + port
					+ "\r\nContent-Type: application/json\r\nX-Api-Key: " + key + "\r\nContent-Length: " + body.length
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			Connection connection = idle.poll();
			try {
				if (connection == null) {
					connection = new Connection(new Socket(host, port));
				}
				var response = connection.exchange(head, body);
				if (response.status() != 200) {
					fail(failures, firstFailure, response.status() + " " + response.body());
				}
				if (response.keepAlive()) {
					idle.add(connection);
				}
				else {
					connection.close();
				}
			}
			catch (IOException | RuntimeException ex) {
				fail(failures, firstFailure, ex.toString());
				if (connection != null) {
					connection.close();
				}
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

	/** One kept-alive HTTP/1.1 connection: a request written, its response read whole. */
	private static final class Connection {

		private final Socket socket;

		private final OutputStream out;

		private final InputStream in;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			socket.setTcpNoDelay(true);
			this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
			this.in = new BufferedInputStream(socket.getInputStream(), 8192);
		}

		Response exchange(byte[] head, byte[] body) throws IOException {
			out.write(head);
			out.write(body);
			out.flush();
			String status = line();
			if (status.length() < 12) {
				throw new IOException("no HTTP status line: " + status);
			}
			int code = Integer.parseInt(status.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean keepAlive = true;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).strip());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					// Tomcat closes a connection after max-keep-alive-requests (100)
					keepAlive = false;
				}
			}
			var text = new ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(),
						16)) {
					text.write(in.readNBytes(size));
					line();
				}
				line();
			}
			else if (length >= 0) {
				text.write(in.readNBytes((int) length));
			}
			return new Response(code, text.toString(StandardCharsets.UTF_8), keepAlive);
		}

		private String line() throws IOException {
			var line = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed by the server");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		void close() {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing a broken connection: nothing more to do
			}
		}

	}

	private record Response(int status, String body, boolean keepAlive) {
	}

	/**
	 * CPU time used by this JVM (server and load generator) and by PostgreSQL's
	 * processes: per event, it shows what the work costs whatever else shares the
	 * machine.
	 */
	private record CpuTime(long jvmNanos, long postgresTicks) {

		static CpuTime now() {
			var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean();
			return new CpuTime(os.getProcessCpuTime(), allPostgresTicks());
		}

		CpuTime since(CpuTime start) {
			return new CpuTime(jvmNanos - start.jvmNanos, postgresTicks - start.postgresTicks);
		}

		void print(int events) {
			double jvm = jvmNanos / 1e3 / events;
			// Linux counts process CPU time in ticks of 10 ms (USER_HZ 100)
			double postgres = postgresTicks * 10_000.0 / events;
			System.out.printf(
					"CPU per event: %.0f us in this JVM (server and load generator), %.0f us in PostgreSQL"
							+ " processes; %d cores would take at most %,.0f events/s at that cost%n",
					jvm, postgres, Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().availableProcessors() * 1e6 / (jvm + postgres));
		}

		/**
		 * utime + stime of every process named postgres (0 where /proc cannot be read).
		 */
		private static long allPostgresTicks() {
			try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
				return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
					.mapToLong(CpuTime::ticksIfPostgres)
					.sum();
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

		private static long ticksIfPostgres(java.nio.file.Path process) {
			try {
				String stat = java.nio.file.Files.readString(process.resolve("stat"));
				int close = stat.lastIndexOf(')');
				if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
					return 0;
				}
				String[] fields = stat.substring(close + 2).split(" ");
				// fields 14 and 15 of proc(5), counted here from field 3
				return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

	}

}
