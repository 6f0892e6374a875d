package io.soc2ops.alerting;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;
import io.soc2ops.web.EventsApiFixtures;

/**
 * Alerts through the outbox to Slack, counted at the receiver (run by
 * {@code bench/alert-delivery}): the real application delivers while the alerts are
 * raised through the real intake, to a local Slack receiver that fails 30% of the
 * requests throughout and is stopped for a few seconds once, halfway. Every delivery ID
 * of every message the receiver accepted is counted: none may be missing, none may come
 * twice.
 */
final class AlertDeliveryBenchmark {

	static final int FINDINGS_PER_EVENT = 500;

	static final double FAILING = 0.3;

	static final Duration OUTAGE = Duration.ofSeconds(3);

	static final Duration PROGRESS = Duration.ofSeconds(5);

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	/** Settings suited to throughput, unless the command line gives them. */
	static final List<String> DELIVERY = List.of("--soc2ops.alerting.delivery.enabled=true",
			"--soc2ops.alerting.delivery.per-route-interval=0s", "--soc2ops.alerting.delivery.max-group=100",
			"--soc2ops.alerting.delivery.first-retry=250ms", "--soc2ops.alerting.delivery.max-retry=5s",
			// the outage alone may take a delivery through several quick attempts
			"--soc2ops.alerting.delivery.max-attempts=20", "--soc2ops.alerting.delivery.poll-interval=200ms");

	private AlertDeliveryBenchmark() {
	}

	/**
	 * @param args alerts (100000), routes (4), JDBC URL (H2 in a temporary directory when
	 * blank), then any {@code --soc2ops.*=...} settings
	 */
	public static void main(String[] args) throws Exception {
		int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int routes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		var properties = new ArrayList<>(List.of("--soc2ops.data-dir=" + Files.createTempDirectory("soc2ops-delivery"),
				"--soc2ops.identity.admin-password=bench-password-123", "--logging.level.root=WARN",
				"--soc2ops.schedule.enabled=false", "--soc2ops.public-url=http://localhost:8080",
				"--soc2ops.alerting.local-webhooks-allowed=true",
				// the database named here (or the default H2 file), not the tests' own
				"--" + io.soc2ops.TestDatabases.KEEP_DATASOURCE + "=true"));
		if (args.length > 2 && !args[2].isBlank()) {
			properties.add("--spring.datasource.url=" + args[2]);
		}
		var given = args.length > 3 ? List.of(args).subList(3, args.length) : List.<String>of();
		DELIVERY.stream()
			.filter(setting -> given.stream().noneMatch(g -> g.startsWith(name(setting))))
			.forEach(properties::add);
		properties.addAll(given);
		boolean held;
		try (var slack = SlackReceiver.start();
				var context = new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
					.run(properties.toArray(String[]::new))) {
			System.out.println("settings: " + settings(context.getBean(DeliverySettings.class)));
			held = new Run(context, slack, alerts, routes).go();
		}
		System.exit(held ? 0 : 1);
	}

	/** {@code --x=} of {@code --x=y}: a setting given twice would be read as a list. */
	private static String name(String argument) {
		return argument.substring(0, argument.indexOf('=') + 1);
	}

	static String settings(DeliverySettings s) {
		return "per-route-interval %s, max-group %d, first-retry %s, max-retry %s, max-attempts %d, lease %s, poll-interval %s"
			.formatted(s.perRouteInterval(), s.maxGroup(), s.firstRetry(), s.maxRetry(), s.maxAttempts(), s.lease(),
					s.pollInterval());
	}

	/** One run: a rule to {@code routes} routes of the receiver, the alerts, the wait. */
	private static final class Run {

		private final SlackReceiver slack;

		private final JdbcClient jdbc;

		private final FindingsIntake intake;

		private final int alerts;

		private final int routes;

		private final String tag = UUID.randomUUID().toString().replace("-", "");

		private final String rule = "bench-" + tag.substring(0, 12);

		private long start;

		Run(ConfigurableApplicationContext context, SlackReceiver slack, int alerts, int routes) {
			this.slack = slack;
			this.jdbc = context.getBean(JdbcClient.class);
			this.intake = context.getBean(FindingsIntake.class);
			this.alerts = alerts;
			this.routes = routes;
			var names = new ArrayList<String>();
			var by = Actor.system("bench");
			for (int i = 1; i <= routes; i++) {
				names.add("bench-slack-" + i);
				context.getBean(AlertRoutes.class)
					.create(names.getLast(), slack.url("/services/T0BENCH00/B0BENCH0" + i + "/" + tag.substring(0, 24)),
							true, by);
			}
			context.getBean(AlertRules.class)
				.create(new AlertRuleDraft(rule, """
						{"detail": {"findings": {"Id": [{"prefix": "%s%s"}]}}}""".formatted(Raising.FINDING_ARN, tag),
						Severity.INFORMATIONAL, names, true), by);
			slack.fail(FAILING, 503);
		}

		/**
		 * @return whether nothing was lost and nothing came twice
		 */
		boolean go() {
			System.out.printf(
					"%,d alerts, one rule, %d routes to one local Slack receiver failing %.0f%% of"
							+ " requests (503), stopped for %d s once, when half the deliveries are done%n",
					alerts, routes, FAILING * 100, OUTAGE.toSeconds());
			start = System.nanoTime();
			var raising = CompletableFuture.runAsync(this::raise, task -> Thread.ofVirtual().start(task));
			long expected = (long) alerts * routes;
			boolean restarted = false;
			var counts = Counts.of(jdbc, rule);
			while (!(raising.isDone() && counts.pending() == 0) && seconds() < TIMEOUT.toSeconds()) {
				pause(PROGRESS);
				counts = Counts.of(jdbc, rule);
				var requests = slack.requests();
				System.out.printf(
						"  %5.0f s: %,d delivered, %,d pending, %,d dead; receiver %,d messages (%,d failed)%n",
						seconds(), counts.delivered(), counts.pending(), counts.dead(), requests.size(),
						requests.stream().filter(r -> r.status() / 100 != 2).count());
				if (!restarted && counts.delivered() >= expected / 2) {
					restarted = outage();
				}
			}
			double wall = seconds();
			raising.join();
			return report(Counts.of(jdbc, rule), wall);
		}

		private void raise() {
			long began = System.nanoTime();
			String now = Raising.NOW;
			for (int done = 0; done < alerts; done += FINDINGS_PER_EVENT) {
				var findings = new ArrayList<String>();
				for (int i = done; i < Math.min(alerts, done + FINDINGS_PER_EVENT); i++) {
					findings.add(EventsApiFixtures.guardDuty(tag + "-" + i, now));
				}
				intake.accept(EventsApiFixtures.envelope(UUID.randomUUID().toString(), findings), IntakeChannel.WEBHOOK,
						"bench", Actor.user("eventbridge"));
			}
			double took = (System.nanoTime() - began) / 1e9;
			System.out.printf("raised %,d alerts in %.1f s (%,.0f alerts/s; events of %d findings through the"
					+ " intake, each committing its findings, alerts, deliveries and cases; delivering meanwhile)%n",
					alerts, took, alerts / took, FINDINGS_PER_EVENT);
		}

		private boolean outage() {
			slack.stop();
			System.out.printf("  %5.0f s: receiver stopped (connections refused)%n", seconds());
			pause(OUTAGE);
			slack.restart();
			System.out.printf("  %5.0f s: receiver restarted on port %d%n", seconds(), slack.port());
			return true;
		}

		private boolean report(Counts counts, double wall) {
			long raised = count("SELECT COUNT(*) FROM alert WHERE rule_name = :rule");
			var outbox = new HashSet<>(jdbc.sql("SELECT id FROM alert_delivery WHERE rule_name = :rule")
				.param("rule", rule)
				.query(String.class)
				.list());
			var requests = slack.requests();
			var received = ReceivedIds.of(requests.stream().filter(r -> r.status() / 100 == 2));
			var answered503 = ReceivedIds.of(requests.stream().filter(r -> r.status() / 100 != 2));
			long lost = outbox.stream().filter(id -> !received.distinct().contains(id)).count();
			long strangers = received.distinct().stream().filter(id -> !outbox.contains(id)).count();
			long duplicated = received.total() - received.distinct().size();
			long failed = requests.stream().filter(r -> r.status() / 100 != 2).count();
			long failedAttempts = count("SELECT COALESCE(SUM(attempts), 0) FROM alert_delivery WHERE rule_name = :rule")
					- counts.delivered();
			System.out.printf("alerts raised: %,d of %,d%n", raised, alerts);
			System.out.printf("deliveries expected: %,d (alerts x %d routes); in the outbox: %,d%n", raised * routes,
					routes, outbox.size());
			System.out.printf("delivery ids counted at the receiver: %,d distinct, %,d in all%n",
					received.distinct().size(), received.total());
			System.out.printf("lost: %,d   duplicated: %,d   not from the outbox: %,d   dead: %,d   pending: %,d%n",
					lost, duplicated, strangers, counts.dead(), counts.pending());
			System.out.printf(
					"messages posted (reaching the receiver): %,d, of which failed (503): %,d, accepted:"
							+ " %,d; %.1f deliveries per accepted message%n",
					requests.size(), failed, requests.size() - failed,
					(double) received.total() / Math.max(1, requests.size() - failed));
			System.out.printf(
					"failed delivery attempts: %,d (%,d in messages answered 503, %,d refused while the"
							+ " receiver was down)%n",
					failedAttempts, answered503.total(), failedAttempts - answered503.total());
			System.out.printf("ledger: %,d alert.notified entries%n",
					count("SELECT COUNT(*) FROM evidence_entry WHERE action = 'alert.notified'"));
			System.out.printf("wall time: %.1f s from the first alert raised to an empty outbox: %,.0f deliveries/s%n",
					wall, raised * routes / wall);
			boolean held = raised == alerts && lost == 0 && duplicated == 0 && strangers == 0 && counts.pending() == 0;
			System.out.println(held ? "HELD: every delivery arrived once" : "FAILED: deliveries lost or duplicated");
			return held;
		}

		private long count(String sql) {
			return jdbc.sql(sql).param("rule", rule).query(Long.class).single();
		}

		private double seconds() {
			return (System.nanoTime() - start) / 1e9;
		}

	}

	/** The rule's deliveries by state. */
	record Counts(long pending, long delivered, long dead) {

		static Counts of(JdbcClient jdbc, String rule) {
			long[] n = new long[3];
			jdbc.sql("SELECT state, COUNT(*) AS n FROM alert_delivery WHERE rule_name = :rule GROUP BY state")
				.param("rule", rule)
				.query((rs, row) -> n[Delivery.State.valueOf(rs.getString("state")).ordinal()] = rs.getLong("n"))
				.list();
			return new Counts(n[0], n[1], n[2]);
		}

	}

	/** The delivery IDs in these messages, each as often as it came. */
	record ReceivedIds(HashSet<String> distinct, long total) {

		static ReceivedIds of(Stream<SlackReceiver.Request> requests) {
			var distinct = new HashSet<String>();
			long total = 0;
			for (String body : requests.map(SlackReceiver.Request::body).toList()) {
				String ids = RouteReceiver.JSON.readTree(body)
					.path("metadata")
					.path("event_payload")
					.path("delivery_ids")
					.asString("");
				for (String id : ids.isEmpty() ? new String[0] : ids.split(",")) {
					distinct.add(id);
					total++;
				}
			}
			return new ReceivedIds(distinct, total);
		}

	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
