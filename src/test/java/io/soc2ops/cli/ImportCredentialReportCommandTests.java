package io.soc2ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;

/**
 * {@code soc2ops import credential-report FILE --account ID}: the report is stored as the
 * account's snapshot and what the checks found is printed per user, with totals; a bad
 * report is refused naming line and column, and nothing is stored.
 */
class ImportCredentialReportCommandTests {

	static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
			+ "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
			+ "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
			+ "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
			+ "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

	static final String REPORT = HEADER + "\n"
			+ "<root_account>,arn:aws:iam::444455556666:root,2019-04-01T00:00:00+00:00,not_supported,"
			+ "no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,"
			+ "false,N/A\n"
			+ "dev,arn:aws:iam::444455556666:user/dev,2026-01-05T00:00:00+00:00,true,2026-09-27T00:00:00+00:00,"
			+ "2026-01-05T00:10:00+00:00,N/A,false,true,2025-01-02T00:00:00+00:00,2026-09-27T04:00:00+00:00,us-east-1,"
			+ "s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
			+ "ok,arn:aws:iam::444455556666:user/ok,2026-01-05T00:00:00+00:00,true,2026-09-27T00:00:00+00:00,"
			+ "2026-01-05T00:10:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

	final String url = "jdbc:h2:mem:credentials-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@TempDir
	Path directory;

	@Test
	void importsAReportAndPrintsWhatWasFoundPerUserWithTotals() throws Exception {
		Path file = Files.writeString(directory.resolve("report.csv"), REPORT);

		var result = run("import", "credential-report", file.toString(), "--account", "444455556666", "--generated-at",
				"2026-09-28T00:00:00Z");
		var again = run("import", "credential-report", file.toString(), "--account", "444455556666", "--generated-at",
				"2026-09-28T00:00:00Z");

		assertThat(result.code()).isZero();
		assertThat(result.out())
			.startsWith("Imported report.csv: credential report of account 444455556666 generated"
					+ " at 2026-09-28T00:00:00Z, 3 users, sha256 ")
			.contains("  <root_account>: nothing found\n", "  dev: NO_MFA - console password without an MFA device\n",
					"  dev: OLD_ACCESS_KEY - access key 1 last rotated on 2025-01-02, 634 days before the report"
							+ " (limit 90)\n",
					"  ok: nothing found\n")
			.endsWith("Totals: 2 findings (NO_MFA 1, OLD_ACCESS_KEY 1)\n");
		assertThat(again.out()).startsWith("Already stored report.csv:");
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 1 entries verified.\n");
	}

	@Test
	void aBadReportIsRefusedNamingLineAndColumnAndNothingIsStored() throws Exception {
		Path file = Files.writeString(directory.resolve("bad.csv"),
				REPORT.replace(",N/A,true,false,N/A,N/A,N/A,N/A,false", ",N/A,maybe,false,N/A,N/A,N/A,N/A,false"));

		var result = run("import", "credential-report", file.toString(), "--account", "444455556666", "--generated-at",
				"2026-09-28T00:00:00Z");
		var otherAccount = run("import", "credential-report", file.toString(), "--account", "111111111111");

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("Refused bad.csv: line 4, column mfa_active: 'maybe' must be true or false."
				+ " Nothing was stored.\n");
		assertThat(otherAccount.out()).startsWith("Refused bad.csv: line 2, column arn:")
			.contains("is in account 444455556666, not 111111111111");
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 0 entries verified.\n");
		assertThat(run("import", "credential-report", directory.resolve("nope.csv").toString(), "--account",
				"444455556666")
			.code()).isEqualTo(2);
	}

	private Result run(String... args) {
		var out = new StringWriter();
		var err = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(err));
		String[] all = new String[args.length + 3];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--" + TestDatabases.KEEP_DATASOURCE + "=true";
		all[args.length + 1] = "--spring.datasource.url=" + url;
		all[args.length + 2] = "--soc2ops.data-dir=target/test-data";
		int code = cli.execute(all);
		return new Result(code, out.toString(), err.toString());
	}

	record Result(int code, String out, String err) {
	}

}
