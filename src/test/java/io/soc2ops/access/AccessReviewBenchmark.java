package io.soc2ops.access;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.evidence.Actor;

/**
 * Creating an access review campaign at scale (run by {@code bench/access-review}): loads
 * N people (most with a manager), 200 accounts (each with an owner) and about 50 holdings
 * per person into PostgreSQL with {@code COPY}, plus a tenth as many holdings gone before
 * the snapshot, vacuums as autovacuum would have, then times the campaign's creation
 * (freeze, reviewer assignment, digest, ledger entry) and the evidence ZIP of all its
 * items written to nowhere.
 */
final class AccessReviewBenchmark {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final int ACCOUNTS = 200;

	static final int PER_PERSON = 50;

	private AccessReviewBenchmark() {
	}

	/**
	 * @param args people (10000), then the PostgreSQL JDBC URL
	 */
	public static void main(String[] args) throws Exception {
		int people = Integer.parseInt(args[0]);
		String url = args[1];
		System.out.println(load("before"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Soc2opsApplication.class)
			.web(WebApplicationType.NONE)
			.run("--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url,
					"--soc2ops.data-dir=" + Files.createTempDirectory("soc2ops-access-review"),
					"--logging.level.root=WARN", "--soc2ops.schedule.enabled=false",
					"--soc2ops.identity.admin-password=bench-password-123")) {
			var jdbc = context.getBean(JdbcClient.class);
			long started = System.nanoTime();
			long holdings = copy(context.getBean(DataSource.class), people);
			jdbc.sql("ALTER TABLE access_holding ALTER COLUMN id RESTART WITH " + (holdings + 1)).update();
			System.out.printf(Locale.ROOT,
					"loaded %,d people, %d accounts with owners, %,d holdings with COPY in %.1f s%n", people, ACCOUNTS,
					holdings, seconds(started));
			started = System.nanoTime();
			for (String table : List.of("access_holding", "access_person", "access_account_owner")) {
				jdbc.sql("VACUUM ANALYZE " + table).update();
			}
			System.out.printf(Locale.ROOT, "VACUUM ANALYZE: %.1f s%n", seconds(started));
			var reviews = context.getBean(AccessReviews.class);
			System.out.println(load("before the campaign"));
			started = System.nanoTime();
			var campaign = reviews.create(new ReviewCampaignRequest("bench quarterly", ReviewScope.EVERYTHING,
					Optional.of(NOW.minus(Duration.ofMinutes(1))),
					LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(30)), Actor.system("bench"));
			double created = seconds(started);
			var reviewers = reviews.progress(campaign.id());
			System.out.printf(Locale.ROOT,
					"campaign created (freeze + reviewer assignment + digest + ledger) in %.2f s: %,d items, %,d reviewers,"
							+ " %,d unassigned, digest %s%n",
					created, campaign.itemCount(), reviewers.stream().filter(p -> !p.unassigned()).count(),
					reviewers.stream().filter(ReviewerProgress::unassigned).mapToLong(ReviewerProgress::items).sum(),
					campaign.digest());
			System.out.println(load("before the evidence"));
			var counting = new Counting();
			Runtime.getRuntime().gc();
			started = System.nanoTime();
			reviews.writeEvidence(campaign.id(), counting);
			System.out.printf(Locale.ROOT,
					"evidence ZIP of %,d items to nowhere: %.2f s, %,d bytes (compressed); heap"
							+ " in use after: %,d MB%n",
					campaign.itemCount(), seconds(started), counting.bytes,
					(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
		}
		System.out.println(load("after"));
	}

	/** People, owners and holdings into their tables with COPY; returns the holdings. */
	static long copy(DataSource dataSource, int people) throws Exception {
		var random = new Random(42);
		String[] accounts = new String[ACCOUNTS];
		for (int i = 0; i < ACCOUNTS; i++) {
			accounts[i] = String.valueOf(200_000_000_000L + i * 7_919L);
		}
		String[] sets = { "ReadOnlyAccess", "PowerUserAccess", "AdministratorAccess", "Billing", "DataScientist",
				"SupportUser", "ViewOnlyAccess", "SecurityAudit" };
		String now = NOW.toString();
		long id = 0;
		try (var connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			var persons = copy.copyIn("COPY access_person (person, display_name, email, soc2ops_user, manager,"
					+ " updated_at) FROM STDIN");
			var rows = new ByteArrayOutputStream(1 << 20);
			for (int p = 0; p < people; p++) {
				String person = "user" + p + "@example.com";
				String manager = random.nextInt(10) < 9 ? "manager" + random.nextInt(300) : "\\N";
				String self = p < 300 ? "manager" + p : "\\N";
				rows.writeBytes(String.join("\t", person, "User " + p, person, self, manager, now)
					.concat("\n")
					.getBytes(StandardCharsets.UTF_8));
				flush(persons, rows, false);
			}
			flush(persons, rows, true);
			persons.endCopy();
			var owners = copy
				.copyIn("COPY access_account_owner (account_id, owner, updated_at, updated_by) FROM STDIN");
			for (int a = 0; a < ACCOUNTS; a++) {
				rows.writeBytes(String.join("\t", accounts[a], "owner" + (a % 50), now, "system:bench")
					.concat("\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			flush(owners, rows, true);
			owners.endCopy();
			var holdings = copy.copyIn("COPY access_holding (id, kind, account_id, person, principal, entitlement,"
					+ " entitlement_ref, via, first_seen, gone_at) FROM STDIN");
			for (int p = 0; p < people; p++) {
				String person = "user" + p + "@example.com";
				int extra = PER_PERSON + PER_PERSON / 10;
				for (int h = 0; h < extra; h++) {
					boolean gone = h >= PER_PERSON;
					String account = accounts[random.nextInt(ACCOUNTS)];
					String set = sets[random.nextInt(sets.length)];
					Instant first = NOW.minus(Duration.ofMinutes(10 + random.nextInt(365 * 24 * 60)));
					String goneAt = gone ? NOW.minus(Duration.ofMinutes(5)).toString() : "\\N";
					String via = random.nextInt(3) == 0 ? "team-" + random.nextInt(40) : "";
					rows.writeBytes(String
						.join("\t", String.valueOf(++id), "ASSIGNMENT", account, person, person, set,
								"arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-"
										+ set.toLowerCase(Locale.ROOT),
								via, first.toString(), goneAt)
						.concat("\n")
						.getBytes(StandardCharsets.UTF_8));
					flush(holdings, rows, false);
				}
			}
			flush(holdings, rows, true);
			holdings.endCopy();
		}
		return id;
	}

	private static void flush(CopyIn copy, ByteArrayOutputStream rows, boolean always) throws Exception {
		if (always || rows.size() > (1 << 20)) {
			copy.writeToCopy(rows.toByteArray(), 0, rows.size());
			rows.reset();
		}
	}

	static String load(String when) throws Exception {
		return "load average " + when + ": " + Files.readString(Path.of("/proc/loadavg")).strip();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	/** Counts the bytes written to it and keeps none. */
	static final class Counting extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			bytes += len;
		}

	}

}
