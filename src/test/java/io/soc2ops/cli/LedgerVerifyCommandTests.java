package io.soc2ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * {@code soc2ops ledger verify} as an operator runs it: against the database another
 * soc2ops process wrote, printing a count or the first broken entry, with an exit code a
 * script can check.
 */
class LedgerVerifyCommandTests {

	final String url = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@Test
	void printsHowManyEntriesWereVerified() {
		try (var soc2ops = server()) {
			record(soc2ops.getBean(EvidenceLedger.class), 3);

			var result = verify();

			assertThat(result.code()).isZero();
			assertThat(result.output()).isEqualTo("Ledger intact: 3 entries verified.\n");
		}
	}

	@Test
	void namesTheFirstBrokenEntryAndExitsWithOne() {
		try (var soc2ops = server()) {
			record(soc2ops.getBean(EvidenceLedger.class), 4);
			var jdbc = soc2ops.getBean(JdbcClient.class);
			jdbc.sql("DROP TRIGGER evidence_entry_append_only").update();
			jdbc.sql("UPDATE evidence_entry SET subject = 'control:FORGED' WHERE sequence = 3").update();

			var result = verify();

			assertThat(result.code()).isEqualTo(1);
			assertThat(result.output()).startsWith("Ledger BROKEN at entry #3: its content does not match its hash")
				.contains("2 entries before it verified");
		}
	}

	@Test
	void aDataDirectoryWithoutADatabaseIsAnErrorAndStaysEmpty(
			@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) throws Exception {
		var out = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));

		int code = cli.execute("ledger", "verify", "--" + TestDatabases.KEEP_DATASOURCE + "=true",
				"--soc2ops.data-dir=" + empty.resolve("nowhere"));

		assertThat(code).isEqualTo(2);
		assertThat(out.toString()).startsWith("Could not check the ledger: Database").contains("SOC2OPS_DATA_DIR");
		assertThat(empty.resolve("nowhere")).doesNotExist();
	}

	@Test
	void withoutASubcommandItExplainsItself() {
		var out = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));

		assertThat(cli.execute("--help")).isZero();
		assertThat(out.toString()).contains("serve").contains("demo").contains("ledger");
	}

	private org.springframework.context.ConfigurableApplicationContext server() {
		return new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run("--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url,
					"--soc2ops.data-dir=target/test-data");
	}

	private Result verify() {
		var out = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));
		int code = cli.execute("ledger", "verify", "--" + TestDatabases.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + url, "--soc2ops.data-dir=target/test-data");
		return new Result(code, out.toString());
	}

	private static void record(EvidenceLedger ledger, int count) {
		for (int i = 1; i <= count; i++) {
			ledger.record(new EvidenceRecord("control.tested", Actor.system("test"), "catalog", "control:ACC-0" + i,
					LocalDate.of(2026, 11, i), Map.of("outcome", "passed")));
		}
	}

	record Result(int code, String output) {
	}

}
