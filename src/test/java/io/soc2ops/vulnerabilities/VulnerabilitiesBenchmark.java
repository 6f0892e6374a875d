package io.soc2ops.vulnerabilities;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilityPolicyApproved;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The SLA recompute after a policy change (run by {@code bench/vulnerabilities}): loads N
 * open vulnerabilities into PostgreSQL with {@code COPY} (under policy v1, their
 * deadlines computed by the rule), vacuums as autovacuum would have, then approves new
 * versions as the policies module does (the event, in a transaction) and times until the
 * listener's recompute has committed; also the statement's own time from its ledger
 * entry, and the counts per status.
 */
final class VulnerabilitiesBenchmark {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private VulnerabilitiesBenchmark() {
	}

	/**
	 * @param args vulnerabilities (1000000), then the PostgreSQL JDBC URL
	 */
	public static void main(String[] args) throws Exception {
		int count = Integer.parseInt(args[0]);
		String url = args[1];
		System.out.println(load("before"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Soc2opsApplication.class)
			.web(WebApplicationType.NONE)
			.run("--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url,
					"--soc2ops.data-dir=" + Files.createTempDirectory("soc2ops-vulnerabilities"),
					"--logging.level.root=WARN", "--soc2ops.schedule.enabled=false",
					"--soc2ops.identity.admin-password=bench-password-123")) {
			var jdbc = context.getBean(JdbcClient.class);
			approve(context, policy(1, 1, 7, 30));
			long started = System.nanoTime();
			copy(context.getBean(DataSource.class), count, policy(1, 1, 7, 30), 0);
			jdbc.sql("ALTER TABLE vulnerability ALTER COLUMN id RESTART WITH " + (count + 1)).update();
			System.out.printf(Locale.ROOT, "loaded %,d open vulnerabilities with COPY in %.1f s%n", count,
					seconds(started));
			started = System.nanoTime();
			jdbc.sql("VACUUM ANALYZE vulnerability").update();
			jdbc.sql("VACUUM ANALYZE vulnerability_deadline").update();
			System.out.printf(Locale.ROOT, "VACUUM ANALYZE (what autovacuum does to a table at rest): %.1f s%n",
					seconds(started));
			System.out.println("deadline table: " + jdbc
				.sql("SELECT pg_size_pretty(pg_relation_size('vulnerability_deadline')) || ', items table '"
						+ " || pg_size_pretty(pg_relation_size('vulnerability'))")
				.query(String.class)
				.single());
			int version = 2;
			for (int[] days : List.of(new int[] { 2, 14, 45 }, new int[] { 1, 7, 30 }, new int[] { 3, 10, 60 })) {
				System.out.println(load("before v" + version));
				started = System.nanoTime();
				approve(context, policy(version, days[0], days[1], days[2]));
				double wall = seconds(started);
				var entry = context.getBean(EvidenceLedger.class)
					.about("vulnerability-policy:v" + version, 1)
					.getFirst();
				System.out
					.printf(Locale.ROOT,
							"policy v%d (critical %d, high %d, medium %d days): event to recompute committed %.2f s;"
									+ " the UPDATE itself %s%n",
							version, days[0], days[1], days[2], wall, entry.payload());
				version++;
			}
			started = System.nanoTime();
			var counts = context.getBean(Vulnerabilities.class).counts();
			System.out.printf(Locale.ROOT, "counts per status now %s: %.2f s%n", counts, seconds(started));
		}
		System.out.println(load("after"));
	}

	static String load(String when) throws Exception {
		return "load average " + when + ": " + Files.readString(Path.of("/proc/loadavg")).strip();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	static SlaPolicy policy(int version, int critical, int high, int medium) {
		var days = new EnumMap<VulnerabilitySeverity, Integer>(VulnerabilitySeverity.class);
		days.put(VulnerabilitySeverity.CRITICAL, critical);
		days.put(VulnerabilitySeverity.HIGH, high);
		days.put(VulnerabilitySeverity.MEDIUM, medium);
		return new SlaPolicy(version, LocalDate.of(2020, 1, 1), days, Set.of(), Set.of(), "bench-approver",
				Instant.parse("2020-01-01T00:00:00Z").plusSeconds(version), "ef".repeat(32));
	}

	/**
	 * Publishes the approval in a transaction and waits until the recompute committed.
	 */
	private static void approve(ConfigurableApplicationContext context, SlaPolicy policy) throws InterruptedException {
		var jdbc = context.getBean(JdbcClient.class);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult(status -> context.publishEvent(new VulnerabilityPolicyApproved(policy)));
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the recompute did not finish in 10 minutes");
			}
			Thread.sleep(20);
		}
	}

	/**
	 * N items and their deadlines, straight into the tables with COPY.
	 * @param fixedShare the share of them fixed (0-1), each within 60 days of its start
	 * and before now
	 */
	static void copy(DataSource dataSource, int count, SlaPolicy policy, double fixedShare) throws Exception {
		var random = new Random(42);
		String[] accounts = new String[100];
		for (int i = 0; i < accounts.length; i++) {
			accounts[i] = String.valueOf(100_000_000_000L + i * 7_919L);
		}
		String[] types = { "AwsEc2Instance", "AwsEc2Instance", "AwsEcrContainerImage", "AwsLambdaFunction" };
		String[] teams = { "payments", "mobile", "platform", "data", "web", "search", "identity", "billing" };
		try (var connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			var items = copy.copyIn("COPY vulnerability (id, item_key, finding_arn, resource_id, resource_type,"
					+ " account_id, region, team, resource_tags, kind, title, cve, packages, cvss_score, epss_score,"
					+ " inspector_state, sources, first_observed_at, last_observed_at, source_updated_at, first_seen_at,"
					+ " last_seen_at) FROM STDIN");
			var itemRows = new ByteArrayOutputStream(1 << 20);
			var deadlines = new ArrayList<String>(count);
			for (int i = 1; i <= count; i++) {
				String account = accounts[random.nextInt(accounts.length)];
				String region = random.nextBoolean() ? "ap-northeast-1" : "ap-northeast-3";
				String type = types[random.nextInt(types.length)];
				String team = teams[random.nextInt(teams.length)];
				int cve = 1000 + random.nextInt(9000);
				var severity = severity(random.nextInt(100));
				Instant start = NOW.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
				String resource = type.equals("AwsEc2Instance") ? "i-%017x".formatted(i)
						: "arn:aws:lambda:" + region + ":" + account + ":function:fn-" + i;
				String time = start.toString();
				boolean fixed = fixedShare > 0 && random.nextDouble() < fixedShare;
				Instant fixedAt = fixed ? min(NOW, start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)))) : null;
				itemRows.writeBytes(String.join("\t", String.valueOf(i), "%064x".formatted(i),
						"arn:aws:inspector2:" + region + ":" + account + ":finding/%032x".formatted(i), resource, type,
						account, region, team, "{\"team\":\"" + team + "\"}", "PACKAGE_VULNERABILITY",
						"CVE-2026-" + cve + " - openssl", "CVE-2026-" + cve,
						"[{\"name\":\"openssl\",\"version\":\"3.0.2\",\"fixedInVersion\":\"3.0.2-0ubuntu1.12\"}]",
						"7.5", "0.0123", fixed ? "CLOSED" : "ACTIVE", "SECURITY_HUB", time, time,
						fixed ? fixedAt.toString() : time, time, time)
					.getBytes(StandardCharsets.UTF_8));
				itemRows.write('\n');
				var due = DeadlineRow.of(Deadline.of(policy, account, type, severity, start));
				deadlines.add(String.join("\t", String.valueOf(i), account, type, severity.name(), time,
						fixed ? fixedAt.toString() : "\\N", due.dueAt() == null ? "\\N" : due.dueAt().toString(),
						due.slaDays() == null ? "\\N" : String.valueOf(due.slaDays()), String.valueOf(policy.version()))
						+ "\n");
				if (itemRows.size() > (1 << 20)) {
					items.writeToCopy(itemRows.toByteArray(), 0, itemRows.size());
					itemRows.reset();
				}
			}
			items.writeToCopy(itemRows.toByteArray(), 0, itemRows.size());
			items.endCopy();
			var deadlineCopy = copy.copyIn("COPY vulnerability_deadline (vulnerability_id, account_id, resource_type,"
					+ " severity, started_at, fixed_at, due_at, sla_days, policy_version) FROM STDIN");
			var buffer = new StringBuilder(1 << 20);
			for (String row : deadlines) {
				buffer.append(row);
				if (buffer.length() > (1 << 20)) {
					byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
					deadlineCopy.writeToCopy(bytes, 0, bytes.length);
					buffer.setLength(0);
				}
			}
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			deadlineCopy.writeToCopy(bytes, 0, bytes.length);
			deadlineCopy.endCopy();
		}
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** 10% critical, 30% high, 40% medium, 15% low, 5% informational. */
	private static VulnerabilitySeverity severity(int percentile) {
		if (percentile < 10) {
			return VulnerabilitySeverity.CRITICAL;
		}
		if (percentile < 40) {
			return VulnerabilitySeverity.HIGH;
		}
		if (percentile < 80) {
			return VulnerabilitySeverity.MEDIUM;
		}
		return percentile < 95 ? VulnerabilitySeverity.LOW : VulnerabilitySeverity.INFORMATIONAL;
	}

}
