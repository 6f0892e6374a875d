package io.soc2ops.vulnerabilities;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * What the vulnerability pages ask of the database (run by
 * {@code bench/vulnerability-pages}): loads N vulnerabilities into PostgreSQL with
 * {@code COPY} (a share of them fixed, 2,000 approved exceptions over 10,000 of them),
 * vacuums as autovacuum would, then times each overview query and the report page's
 * totals and rows three times and prints the first and the best time.
 */
final class OverviewBenchmark {

	private OverviewBenchmark() {
	}

	/**
	 * @param args vulnerabilities (1000000), the PostgreSQL JDBC URL, the share fixed
	 * (0.7), and {@code reuse} to time a database loaded by an earlier run
	 */
	public static void main(String[] args) throws Exception {
		int count = Integer.parseInt(args[0]);
		String url = args[1];
		double fixedShare = Double.parseDouble(args[2]);
		boolean reuse = args.length > 3 && args[3].equals("reuse");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Soc2opsApplication.class)
			.web(WebApplicationType.NONE)
			.run("--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url,
					"--soc2ops.data-dir=" + Files.createTempDirectory("soc2ops-overview"), "--logging.level.root=WARN",
					"--soc2ops.schedule.enabled=false", "--soc2ops.identity.admin-password=bench-password-123")) {
			var jdbc = context.getBean(JdbcClient.class);
			if (!reuse) {
				load(context, jdbc, count, fixedShare);
			}
			System.out.println(VulnerabilitiesBenchmark.load("before the queries"));
			var overview = context.getBean(VulnerabilityOverview.class);
			var report = context.getBean(PeriodReport.class);
			var today = LocalDate.now(ZoneOffset.UTC);
			var year = new ReportPeriod(today.minusYears(1), today);
			var unfixed = VulnerabilitySelection.of(null, null, null, null);
			var first = overview.groups(unfixed, 1, 1).rows().getFirst();
			time("counts per status (the API's, for comparison)",
					() -> context.getBean(Vulnerabilities.class).counts());
			time("standing: counts, fixed within SLA, ages", overview::standing);
			time("groups, not fixed, page 1 of 50", () -> overview.groups(unfixed, 1, 50).groups() + " groups");
			time("groups, not fixed, page 100 of 50", () -> overview.groups(unfixed, 100, 50).rows().size());
			time("groups, overdue critical",
					() -> overview.groups(VulnerabilitySelection.of("overdue", "critical", null, null), 1, 50).items()
							+ " items");
			time("groups, team payments",
					() -> overview.groups(VulnerabilitySelection.of(null, null, null, "payments"), 1, 50).items()
							+ " items");
			time("groups, one account",
					() -> overview
						.groups(VulnerabilitySelection.of(null, null, overview.accounts().getFirst(), null), 1, 50)
						.items() + " items");
			time("one group's first 100 (" + first.cve() + " " + first.severity() + ")",
					() -> overview.group(first.severity(), first.cve(), null, unfixed, 100).total() + " in the group");
			time("per account", () -> overview.breakdown(Breakdown.Dimension.ACCOUNT).size() + " accounts");
			time("per team", () -> overview.breakdown(Breakdown.Dimension.TEAM).size() + " teams");
			time("accounts to filter by", () -> overview.accounts().size());
			time("teams to filter by", () -> overview.teams().size());
			time("remediation, 12 months", () -> overview.remediation(12).of(VulnerabilitySeverity.HIGH).size());
			time("report totals, last year", () -> report.totals(year).all());
			time("report rows 1-500", () -> report.rows(year, 0, 500).size());
			time("report rows 500,001-500,500", () -> report.rows(year, 500_000, 500).size());
		}
		System.out.println(VulnerabilitiesBenchmark.load("after"));
	}

	private static void load(ConfigurableApplicationContext context, JdbcClient jdbc, int count, double fixedShare)
			throws Exception {
		var policy = VulnerabilitiesBenchmark.policy(1, 1, 7, 30);
		new org.springframework.transaction.support.TransactionTemplate(
				context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.executeWithoutResult(
					status -> context.publishEvent(new io.soc2ops.policies.VulnerabilityPolicyApproved(policy)));
		while (jdbc.sql("SELECT COUNT(*) FROM vulnerability_policy").query(Long.class).single() == 0) {
			Thread.sleep(20);
		}
		long started = System.nanoTime();
		VulnerabilitiesBenchmark.copy(context.getBean(DataSource.class), count, policy, fixedShare);
		jdbc.sql("ALTER TABLE vulnerability ALTER COLUMN id RESTART WITH " + (count + 1)).update();
		jdbc.sql("INSERT INTO vulnerability_exception (id, state, reason, compensating_control, expires_on, expires_at,"
				+ " requested_by, requested_at, decided_by, decided_at) SELECT g, 'APPROVED', 'bench', 'bench',"
				+ " CURRENT_DATE + 30, CURRENT_DATE + 31, 'user:bench-engineer', NOW(), 'user:bench-approver', NOW()"
				+ " FROM generate_series(1, 2000) g")
			.update();
		jdbc.sql("INSERT INTO vulnerability_exception_item (exception_id, vulnerability_id)"
				+ " SELECT (g - 1) / 5 + 1, (g * 97) % :count + 1 FROM generate_series(1, 10000) g")
			.param("count", count)
			.update();
		jdbc.sql("ALTER TABLE vulnerability_exception ALTER COLUMN id RESTART WITH 2001").update();
		System.out.printf(Locale.ROOT, "loaded %,d vulnerabilities (%.0f%% fixed) with COPY in %.1f s%n", count,
				fixedShare * 100, (System.nanoTime() - started) / 1e9);
		started = System.nanoTime();
		for (String table : new String[] { "vulnerability", "vulnerability_deadline", "vulnerability_exception",
				"vulnerability_exception_item" }) {
			jdbc.sql("VACUUM ANALYZE " + table).update();
		}
		System.out.printf(Locale.ROOT, "VACUUM ANALYZE: %.1f s%n", (System.nanoTime() - started) / 1e9);
	}

	private static void time(String what, Callable<Object> query) throws Exception {
		double first = 0;
		double best = Double.MAX_VALUE;
		Object result = null;
		for (int run = 0; run < 3; run++) {
			long started = System.nanoTime();
			result = query.call();
			double seconds = (System.nanoTime() - started) / 1e9;
			if (run == 0) {
				first = seconds;
			}
			best = Math.min(best, seconds);
		}
		System.out.printf(Locale.ROOT, "%-50s first %6.3f s, best %6.3f s  (%s)%n", what, first, best,
				String.valueOf(result).length() > 80 ? String.valueOf(result).substring(0, 80) + "..." : result);
	}

}
