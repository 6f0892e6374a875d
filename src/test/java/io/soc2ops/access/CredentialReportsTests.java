package io.soc2ops.access;

import static io.soc2ops.access.CredentialReportFixtures.HEADER;
import static io.soc2ops.access.CredentialReportFixtures.bytes;
import static io.soc2ops.access.CredentialReportFixtures.key;
import static io.soc2ops.access.CredentialReportFixtures.lines;
import static io.soc2ops.access.CredentialReportFixtures.report;
import static io.soc2ops.access.CredentialReportFixtures.root;
import static io.soc2ops.access.CredentialReportFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * A credential report is checked whole and stored as the account's dated snapshot: its
 * users, the ledger entry with the file's SHA-256, the account's IAM user holdings and
 * the people behind them; the checks' findings come with it. A bad report is refused
 * naming the line and column, and nothing is stored.
 */
@SpringBootTest(properties = "soc2ops.test.context=access-credreport")
@Import(MovableClock.Configuration.class)
@RecordApplicationEvents
class CredentialReportsTests {

	static final Instant GENERATED = Instant.parse("2026-09-28T00:00:00Z");

	static final Actor BY = Actor.system("collector");

	/** Distinct account IDs per test, as the context is shared. */
	static final AtomicLong ACCOUNTS = new AtomicLong(310_000_000_000L);

	@Autowired
	CredentialReports reports;

	@Autowired
	CredentialFindings findings;

	@Autowired
	AccessPeople people;

	@Autowired
	AccessRemovals removals;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void storesAReportWithItsUsersHoldingsPeopleLedgerEntryAndFindings(ApplicationEvents events) {
		clock.set(GENERATED.plus(Duration.ofHours(1)));
		String account = account();
		byte[] csv = bytes(report(account));

		var stored = reports.store(account, csv, GENERATED, "file:report.csv", Actor.user("olga"));

		assertThat(stored.accountId()).isEqualTo(account);
		assertThat(stored.users()).isEqualTo(5);
		assertThat(stored.newest()).isTrue();
		assertThat(stored.alreadyStored()).isFalse();
		assertThat(stored.sha256()).isEqualTo(CredentialReports.sha256(csv)).hasSize(64);
		assertThat(stored.userNames()).containsExactly("<root_account>", "alice", "bob", "ci-deploy", "former");
		assertThat(stored.findings()).extracting(CredentialFinding::user, CredentialFinding::kind)
			.containsExactly(tuple("<root_account>", CredentialFindingKind.NO_MFA),
					tuple("<root_account>", CredentialFindingKind.ROOT_USED),
					tuple("bob", CredentialFindingKind.NO_MFA), tuple("bob", CredentialFindingKind.UNUSED_PASSWORD),
					tuple("bob", CredentialFindingKind.OLD_ACCESS_KEY),
					tuple("ci-deploy", CredentialFindingKind.OLD_ACCESS_KEY),
					tuple("ci-deploy", CredentialFindingKind.UNUSED_ACCESS_KEY));
		assertThat(findings.of(account)).isEqualTo(stored.findings());
		assertThat(findings.current()).containsAll(stored.findings());

		assertThat(jdbc
			.sql("SELECT source, taken_at, origin, complete, objects FROM access_inventory_sync"
					+ " WHERE scope = :account")
			.param("account", account)
			.query((rs, row) -> List.of(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getBoolean(4), rs.getInt(5)))
			.single()).containsExactly("CREDENTIAL_REPORT", GENERATED, "file:report.csv", true, 5);
		assertThat(holdings(account)).containsExactly(
				List.of("alice", "alice", "IAM user", "arn:aws:iam::" + account + ":user/alice", ""),
				List.of("bob", "bob", "IAM user", "arn:aws:iam::" + account + ":user/bob", ""),
				List.of("ci-deploy", "ci-deploy", "IAM user", "arn:aws:iam::" + account + ":user/ci-deploy", ""));
		assertThat(people.find(new PersonKey("ci-deploy"))).hasValueSatisfying(p -> {
			assertThat(p.displayName()).isEqualTo("ci-deploy");
			assertThat(p.manager()).isEmpty();
		});
		var entries = ledger.withAction("credential-report:" + account, "access.credential-report-stored",
				GENERATED.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
		assertThat(entries).hasSize(1);
		assertThat(entries.getFirst().actor()).isEqualTo(Actor.user("olga"));
		assertThat(entries.getFirst().payload()).contains("\"sha256\":\"" + stored.sha256() + "\"",
				"\"account\":\"" + account + "\"", "\"users\":5", "\"holdingsAdded\":3");
		assertThat(events.stream(AccessInventoryChanged.class))
			.contains(new AccessInventoryChanged("CREDENTIAL_REPORT", account, GENERATED));
	}

	@Test
	void aNewerReportClosesTheHoldingsOfUsersWithoutAccessAndVerifiesTheirRemovals() {
		clock.set(GENERATED.plus(Duration.ofHours(1)));
		String account = account();
		reports.store(account, bytes(report(account)), GENERATED, "collector", BY);
		var bob = currentHolding(account, "bob");
		var removal = removals.open(RemovalReason.REVIEW, "review-item:" + account, bob, GENERATED, BY);

		Instant later = GENERATED.plus(Duration.ofMinutes(30));
		String withoutBob = report(account).replaceAll("(?m)^bob,.*$",
				user(account, "bob", "false", "N/A", "false", key("false", "N/A", "N/A", "N/A", "N/A")));
		var stored = reports.store(account, bytes(withoutBob), later, "collector", BY);

		assertThat(stored.newest()).isTrue();
		assertThat(holdings(account)).extracting(h -> h.get(0)).containsExactly("alice", "ci-deploy");
		assertThat(removals.find(removal.id()).orElseThrow().verifiedAt()).contains(later);
		assertThat(findings.of(account)).extracting(CredentialFinding::user).doesNotContain("bob");
	}

	@Test
	void anOlderReportStoredLaterIsKeptButDoesNotOverwriteTheNewerHoldings() {
		clock.set(GENERATED.plus(Duration.ofHours(1)));
		String account = account();
		reports.store(account, bytes(report(account)), GENERATED, "collector", BY);
		String onlyRoot = lines(HEADER, root(account, "no_information"));

		var older = reports.store(account, bytes(onlyRoot), GENERATED.minus(Duration.ofDays(2)), "file:old.csv", BY);

		assertThat(older.newest()).isFalse();
		assertThat(holdings(account)).hasSize(3);
		assertThat(findings.of(account)).extracting(CredentialFinding::user).contains("bob");
		assertThat(findings.newestReport(account)).contains(GENERATED);
		assertThat(syncs(account)).isEqualTo(2);
	}

	@Test
	void theSameFileStoredAgainIsRecognisedAndAnotherOneForTheSameMomentIsRefused() {
		clock.set(GENERATED.plus(Duration.ofHours(1)));
		String account = account();
		reports.store(account, bytes(report(account)), GENERATED, "collector", BY);
		long entries = ledger.size();

		var again = reports.store(account, bytes(report(account)), GENERATED, "file:again.csv", BY);

		assertThat(again.alreadyStored()).isTrue();
		assertThat(again.findings()).hasSize(7);
		assertThat(syncs(account)).isEqualTo(1);
		assertThat(ledger.size()).isEqualTo(entries);
		assertThatThrownBy(() -> reports.store(account, bytes(report(account).replace("alice", "alicia")), GENERATED,
				"collector", BY))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining("has a different credential report generated at 2026-09-28T00:00:00Z");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					header-missing  | line 1 (header): missing column(s) cert_2_last_rotated; expected user,arn,
					header-extra    | line 1 (header): unexpected column(s) tags; expected
					header-order    | line 1 (header): the columns are in a different order; expected user,arn,user_creation_time,password_enabled,
					short-row       | line 3: 21 fields; the header has 22
					bad-boolean     | line 4, column mfa_active: 'yes' must be true or false
					bad-time        | line 3, column user_creation_time: '2026-13-01' must be an ISO 8601 time
					bad-last-used   | line 4, column access_key_1_last_used_date: 'never' must be an ISO 8601 time such as 2026-09-01T10:00:00+00:00 or N/A
					other-account   | line 3, column arn: 'arn:aws:iam::999999999999:user/alice' is in account 999999999999, not
					other-user      | line 3, column arn: 'arn:aws:iam::ACCOUNT:user/alicia' names user alicia, not alice
					root-password   | line 2, column password_enabled: 'true' must be not_supported for the root user
					twice           | line 4, column user: 'alice' is listed twice (line 3 too)
					empty-line      | line 4: an empty line inside the report
					open-quote      | line 3, field 1: a quote is not closed
					not-utf8        | line 3: the credential report is not UTF-8 text
					empty           | line 1: the credential report is empty
					header-only     | line 2: the credential report has no user lines
					after-generated | line 3, column password_last_used: '2026-09-29T00:00:00+00:00' is after the report was generated
					""")
	void aBadReportIsRefusedNamingTheLineAndColumnAndNothingIsStored(String bad, String message) {
		clock.set(GENERATED.plus(Duration.ofHours(1)));
		String account = account();
		long entries = ledger.size();
		long holdings = jdbc.sql("SELECT COUNT(*) FROM access_holding").query(Long.class).single();

		assertThatThrownBy(() -> reports.store(account, badReport(bad, account), GENERATED, "file:bad.csv", BY))
			.isInstanceOf(AccessRefused.class)
			.hasMessageContaining(message.replace("ACCOUNT", account));

		assertThat(syncs(account)).isZero();
		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_holding").query(Long.class).single()).isEqualTo(holdings);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_credential_user WHERE account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aHugeReportABadAccountOrAFutureTimeIsRefusedBeforeReading() {
		clock.set(GENERATED.plus(Duration.ofHours(1)));
		String account = account();
		assertThatThrownBy(
				() -> reports.store(account, new byte[CredentialReportCsv.MAX_BYTES + 1], GENERATED, "x", BY))
			.hasMessage("the credential report is 33554433 bytes; at most 33554432 (32 MiB) are accepted");
		assertThatThrownBy(() -> reports.store("12345", bytes(report(account)), GENERATED, "x", BY))
			.hasMessage("account: '12345' is not an AWS account ID (12 digits)");
		assertThatThrownBy(
				() -> reports.store(account, bytes(report(account)), GENERATED.plus(Duration.ofDays(1)), "x", BY))
			.hasMessage("generatedAt: 2026-09-29T00:00:00Z is in the future");
		assertThat(syncs(account)).isZero();
	}

	@Test
	void aQuotedUserNameWithACommaAByteOrderMarkAndCrlfLineEndsAreRead() {
		clock.set(GENERATED.plus(Duration.ofHours(1)));
		String account = account();
		String comma = user(account, "x", "true", "2026-09-27T00:00:00+00:00", "true",
				key("false", "N/A", "N/A", "N/A", "N/A"))
			.replaceFirst("^x,arn:aws:iam::" + account + ":user/x,",
					"\"a,b\",\"arn:aws:iam::" + account + ":user/a,b\",");
		String csv = "\uFEFF" + lines(HEADER, root(account, "no_information"), comma).replace("\n", "\r\n");

		var stored = reports.store(account, bytes(csv), GENERATED, "x", BY);

		assertThat(stored.userNames()).containsExactly("<root_account>", "a,b");
		assertThat(holdings(account)).extracting(h -> h.get(1)).containsExactly("a,b");
	}

	private byte[] badReport(String bad, String account) {
		String good = report(account);
		String header = HEADER;
		return switch (bad) {
			case "header-missing" -> bytes(good.replace(",cert_2_active,cert_2_last_rotated\n", ",cert_2_active\n"));
			case "header-extra" -> bytes(good.replace(header, header + ",tags"));
			case "header-order" -> bytes(good.replace("user,arn,", "arn,user,"));
			case "short-row" -> bytes(good.replace(",false,N/A,false,N/A\nbob", ",false,N/A,false\nbob"));
			case "bad-boolean" ->
				bytes(good.replaceFirst("(?m)^(bob,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)false", "$1yes"));
			case "bad-time" -> bytes(good.replaceFirst("(?m)^(alice,[^,]*,)[^,]*", "$12026-13-01"));
			case "bad-last-used" -> bytes(good.replace("2025-01-02T00:00:00+00:00,2026-09-27T04:00:00+00:00",
					"2025-01-02T00:00:00+00:00,never"));
			case "other-account" ->
				bytes(good.replace("arn:aws:iam::" + account + ":user/alice", "arn:aws:iam::999999999999:user/alice"));
			case "other-user" -> bytes(good.replace(":user/alice", ":user/alicia"));
			case "root-password" -> bytes(good.replaceFirst(",not_supported,", ",true,"));
			case "twice" -> bytes(good.replaceFirst("(?m)^bob,arn:aws:iam::" + account + ":user/bob,",
					"alice,arn:aws:iam::" + account + ":user/alice,"));
			case "empty-line" -> bytes(good.replace("\nbob,", "\n\nbob,"));
			case "open-quote" -> bytes(good.replace("\nalice,", "\n\"alice,"));
			case "not-utf8" -> {
				byte[] bytes = bytes(good.replace("\nalice,", "\nal\u00e9ce,"));
				for (int i = 0; i < bytes.length; i++) {
					if (bytes[i] == (byte) 0xC3) {
						bytes[i] = (byte) 0xFF;
					}
				}
				yield bytes;
			}
			case "empty" -> new byte[0];
			case "header-only" -> bytes(header + "\n");
			case "after-generated" -> bytes(good.replace("2026-09-25T09:30:00+00:00", "2026-09-29T00:00:00+00:00"));
			default -> throw new IllegalArgumentException(bad);
		};
	}

	private Holding currentHolding(String account, String principal) {
		return jdbc.sql("SELECT * FROM access_holding WHERE account_id = :a AND principal = :p AND gone_at IS NULL")
			.param("a", account)
			.param("p", principal)
			.query(Offboardings::holding)
			.single();
	}

	private List<List<String>> holdings(String account) {
		return jdbc
			.sql("SELECT person, principal, entitlement, entitlement_ref, via FROM access_holding WHERE account_id = :a"
					+ " AND kind = 'IAM_USER' AND gone_at IS NULL ORDER BY principal")
			.param("a", account)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	private long syncs(String account) {
		return jdbc.sql("SELECT COUNT(*) FROM access_inventory_sync WHERE scope = :a")
			.param("a", account)
			.query(Long.class)
			.single();
	}

	static String account() {
		return Long.toString(ACCOUNTS.incrementAndGet());
	}

}
