package io.soc2ops.access;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * Reconciliation at scale (run by {@code bench/access-reconcile}): N people with 2-3
 * permission sets each on 20 of M accounts (about 500,000 assignments for 10,000 x 200)
 * loaded into PostgreSQL with {@code COPY}, cover for all but about 1% (half of those
 * with cover that expired), vacuumed as autovacuum would have; then a first full
 * reconciliation (finds about 1%), a second after half of those were approved and a
 * quarter removed along with 10,000 covered holdings (resolves them), a third with
 * nothing changed, and the pages' queries over it all.
 */
final class AccessReconcileBenchmark {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final String[] PERMISSION_SETS = { "AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess",
			"ViewOnlyAccess", "DatabaseAdministrator", "NetworkAdministrator", "SecurityAudit", "Billing" };

	static final int ACCOUNTS_EACH = 20;

	private AccessReconcileBenchmark() {
	}

	/**
	 * @param args people (10000), accounts (200), then the PostgreSQL JDBC URL
	 */
	public static void main(String[] args) throws Exception {
		int people = Integer.parseInt(args[0]);
		int accounts = Integer.parseInt(args[1]);
		String url = args[2];
		System.out.println(load("before"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Soc2opsApplication.class)
			.web(WebApplicationType.NONE)
			.run("--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url,
					"--soc2ops.data-dir=" + Files.createTempDirectory("soc2ops-access"), "--logging.level.root=WARN",
					"--soc2ops.schedule.enabled=false", "--soc2ops.identity.admin-password=bench-password-123")) {
			var jdbc = context.getBean(JdbcClient.class);
			long started = System.nanoTime();
			var loaded = copy(context.getBean(DataSource.class), people, accounts);
			jdbc.sql("ALTER TABLE access_holding ALTER COLUMN id RESTART WITH " + (loaded.holdings() + 1)).update();
			jdbc.sql("ALTER TABLE access_cover ALTER COLUMN id RESTART WITH " + (loaded.cover() + 1)).update();
			System.out.printf(Locale.ROOT,
					"loaded %,d holdings (%,d people x %,d accounts) and %,d cover lines" + " with COPY in %.1f s%n",
					loaded.holdings(), people, accounts, loaded.cover(), seconds(started));
			started = System.nanoTime();
			jdbc.sql("VACUUM ANALYZE access_holding").update();
			jdbc.sql("VACUUM ANALYZE access_cover").update();
			System.out.printf(Locale.ROOT, "VACUUM ANALYZE (what autovacuum does to a table at rest): %.1f s%n",
					seconds(started));
			var reconciliation = context.getBean(AccessReconciliation.class);
			var ledger = context.getBean(EvidenceLedger.class);

			var first = timed("first reconciliation", () -> reconciliation.reconcile("bench"));
			System.out.println("  ledger entry: "
					+ ledger.about("access-reconciliation:" + first.id(), 1).getFirst().payload().length()
					+ " characters");

			started = System.nanoTime();
			int approved = jdbc
				.sql("INSERT INTO access_cover (request_id, person, account_id, kind, entitlement,"
						+ " valid_from) SELECT 900000000 + u.id, u.person, u.account_id, u.kind, u.entitlement, :from"
						+ " FROM access_unapproved u WHERE u.resolved_at IS NULL AND MOD(u.id, 2) = 0")
				.param("from", ReconciliationStore.time(NOW))
				.update();
			int removed = jdbc
				.sql("UPDATE access_holding SET gone_at = :at WHERE gone_at IS NULL AND id IN"
						+ " (SELECT holding_id FROM access_unapproved WHERE resolved_at IS NULL AND MOD(id, 4) = 1)")
				.param("at", ReconciliationStore.time(NOW))
				.update();
			int removedCovered = jdbc
				.sql("UPDATE access_holding SET gone_at = :at WHERE gone_at IS NULL AND MOD(id, 50) = 7 AND NOT EXISTS"
						+ " (SELECT 1 FROM access_unapproved u WHERE u.holding_id = access_holding.id)")
				.param("at", ReconciliationStore.time(NOW))
				.update();
			System.out.printf(Locale.ROOT,
					"approved %,d exceptions, removed %,d of their holdings and %,d covered ones: %.1f s%n", approved,
					removed, removedCovered, seconds(started));
			timed("second reconciliation", () -> reconciliation.reconcile("bench"));
			timed("third reconciliation (nothing changed)", () -> reconciliation.reconcile("bench"));

			var views = context.getBean(AccessViews.class);
			timedQuery("holdings page 1 (unapproved first)",
					() -> views.holdings(AccessViewFilter.ALL, 0, 50).lines().size());
			timedQuery("holdings page at offset 250,000",
					() -> views.holdings(AccessViewFilter.ALL, 250_000, 50).lines().size());
			timedQuery("one account's holdings, page 1",
					() -> views.holdings(new AccessViewFilter("", account(0), ""), 0, 50).lines().size());
			timedQuery("one person's holdings",
					() -> views.holdings(new AccessViewFilter(person(0), "", ""), 0, 50).lines().size());
			timedQuery("counts per account",
					() -> views.groups(AccessViewBy.ACCOUNT, AccessViewFilter.ALL, 0, 500).size());
			timedQuery("counts per permission set",
					() -> views.groups(AccessViewBy.ENTITLEMENT, AccessViewFilter.ALL, 0, 500).size());
			timedQuery("counts per person, page 1",
					() -> views.groups(AccessViewBy.PERSON, AccessViewFilter.ALL, 0, 50).size());
			timedQuery("open exceptions page 1", () -> reconciliation.openExceptions(0, 100).size());
			timedQuery("replay a week ago (count and first 100)",
					() -> reconciliation.asOf(NOW.minus(Duration.ofDays(7)), 0, 100).holdings().size());
		}
		System.out.println(load("after"));
	}

	private static ReconciliationRun timed(String what, Supplier<ReconciliationRun> run) throws Exception {
		System.out.println(load("before the " + what));
		long started = System.nanoTime();
		var done = run.get();
		System.out.printf(Locale.ROOT,
				"%s: %.2f s; %,d holdings, %,d covered, %,d new exceptions, %,d approved since, %,d gone, %,d open%n",
				what, seconds(started), done.holdings(), done.covered(), done.newExceptions(), done.resolvedApproved(),
				done.resolvedGone(), done.open());
		return done;
	}

	private static void timedQuery(String what, Supplier<Integer> query) {
		long started = System.nanoTime();
		int rows = query.get();
		System.out.printf(Locale.ROOT, "  %s: %.3f s (%d rows)%n", what, seconds(started), rows);
	}

	static String load(String when) throws Exception {
		return "load average " + when + ": " + Files.readString(Path.of("/proc/loadavg")).strip();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	static String account(int index) {
		return String.valueOf(100_000_000_000L + index * 7_919L);
	}

	static String person(int index) {
		return "person-" + index + "@example.com";
	}

	record Loaded(long holdings, long cover) {
	}

	/**
	 * Each person holds 2 or 3 permission sets (2.5 on average), each on 20 consecutive
	 * accounts from a random one; cover for each holding but about 1%, of which half has
	 * cover that expired yesterday.
	 */
	static Loaded copy(DataSource dataSource, int people, int accounts) throws Exception {
		try (var connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			// one COPY at a time on a connection: the same rows generated twice, once
			// for each table
			var holdingRows = new Rows(copy.copyIn("COPY access_holding (id, kind, account_id, person, principal,"
					+ " entitlement, entitlement_ref, via, first_seen) FROM STDIN"));
			generate(people, accounts, holdingRows, null);
			long holdings = holdingRows.end();
			var coverRows = new Rows(copy.copyIn("COPY access_cover (id, request_id, person, account_id, kind,"
					+ " entitlement, valid_from, valid_until) FROM STDIN"));
			generate(people, accounts, null, coverRows);
			return new Loaded(holdings, coverRows.end());
		}
	}

	private static void generate(int people, int accounts, @Nullable Rows holdingRows, @Nullable Rows coverRows)
			throws SQLException {
		var random = new Random(42);
		String seen = NOW.minus(Duration.ofDays(200)).toString();
		String from = NOW.minus(Duration.ofDays(100)).toString();
		String later = NOW.plus(Duration.ofDays(90)).toString();
		String yesterday = NOW.minus(Duration.ofDays(1)).toString();
		long holdings = 0;
		long cover = 0;
		for (int p = 0; p < people; p++) {
			String person = person(p);
			int sets = 2 + random.nextInt(2);
			int firstSet = random.nextInt(PERMISSION_SETS.length);
			for (int s = 0; s < sets; s++) {
				String set = PERMISSION_SETS[(firstSet + s) % PERMISSION_SETS.length];
				String ref = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-" + Math.abs(set.hashCode());
				int firstAccount = random.nextInt(accounts);
				for (int a = 0; a < Math.min(ACCOUNTS_EACH, accounts); a++) {
					String account = account((firstAccount + a) % accounts);
					holdings++;
					if (holdingRows != null) {
						holdingRows.add(holdings + "\tASSIGNMENT\t" + account + "\t" + person + "\t" + person + "\t"
								+ set + "\t" + ref + "\t" + (s == 0 ? "" : "team-" + (p % 50)) + "\t" + seen);
					}
					double roll = random.nextDouble();
					boolean other = random.nextBoolean();
					if (roll >= 0.01 || roll < 0.005) {
						cover++;
						String until = roll < 0.005 ? yesterday : other ? later : "\\N";
						if (coverRows != null) {
							coverRows.add(cover + "\t" + (1_000_000 + cover) + "\t" + person + "\t" + account
									+ "\tASSIGNMENT\t" + set + "\t" + from + "\t" + until);
						}
					}
				}
			}
		}
	}

	/** Rows streamed to a COPY a megabyte at a time. */
	private static final class Rows {

		private final CopyIn copy;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);

		Rows(CopyIn copy) {
			this.copy = copy;
		}

		void add(String row) throws SQLException {
			buffer.writeBytes((row + "\n").getBytes(StandardCharsets.UTF_8));
			if (buffer.size() > 1 << 20) {
				flush();
			}
		}

		/**
		 * @return the rows copied
		 */
		long end() throws SQLException {
			flush();
			return copy.endCopy();
		}

		private void flush() throws SQLException {
			copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
			buffer.reset();
		}

	}

}
