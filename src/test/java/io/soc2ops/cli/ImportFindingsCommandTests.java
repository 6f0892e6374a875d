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
import io.soc2ops.web.EventsApiFixtures;

/**
 * {@code soc2ops import findings FILE}: the whole file or nothing, a progress bar on
 * standard error, and a summary an operator can read.
 */
class ImportFindingsCommandTests {

	final String url = "jdbc:h2:mem:import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@TempDir
	Path directory;

	@Test
	void importsAFileThenFindsNothingNewInItTheSecondTime() throws Exception {
		Path file = write("findings.json", "[" + EventsApiFixtures.guardDuty("a", "2026-11-20T03:14:00.000Z") + ","
				+ EventsApiFixtures.guardDuty("b", "2026-11-20T03:14:00.000Z") + "]");

		var first = run("import", "findings", file.toString());
		var second = run("import", "findings", file.toString());

		assertThat(first.code()).isZero();
		assertThat(first.out()).startsWith("Imported findings.json: 2 findings (2 new, 0 updated, 0 unchanged)");
		assertThat(first.err()).contains("100%").contains("2 findings");
		assertThat(second.out()).startsWith("Imported findings.json: 2 findings (0 new, 0 updated, 2 unchanged)");
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 2 entries verified.\n");
	}

	@Test
	void aFileMixingAnAsffFindingAndItsOcsfTwinStoresOneFinding() throws Exception {
		Path file = write("mixed.json", "[" + resource("/findings/fsbp-s3.8-failed.json") + ","
				+ resource("/findings/ocsf-fsbp-s3.8-failed.json") + "]");

		var result = run("import", "findings", file.toString(), "--no-progress");

		assertThat(result.code()).isZero();
		assertThat(result.out()).startsWith("Imported mixed.json: 2 findings (1 new, 0 updated, 1 unchanged)");
	}

	@Test
	void aFileWithOneBadFindingIsRefusedWholeNamingRecordAndField() throws Exception {
		Path file = write("broken.json", "[" + EventsApiFixtures.guardDuty("c", "2026-11-20T03:14:00.000Z") + ","
				+ EventsApiFixtures.guardDuty("d", "not-a-time") + "]");

		var result = run("import", "findings", file.toString(), "--no-progress");

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).startsWith("Refused broken.json: record 2")
			.contains("UpdatedAt")
			.endsWith("Nothing was stored.\n");
		assertThat(result.err()).isEmpty();
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 0 entries verified.\n");
	}

	@Test
	void aTruncatedFileIsRefused() throws Exception {
		String whole = "[" + EventsApiFixtures.guardDuty("e", "2026-11-20T03:14:00.000Z") + "]";
		Path file = write("cut.json", whole.substring(0, whole.length() / 2));

		var result = run("import", "findings", file.toString(), "--no-progress");

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).contains("truncated").endsWith("Nothing was stored.\n");
	}

	@Test
	void aMissingFileIsSaidPlainly() {
		var result = run("import", "findings", directory.resolve("nope.json").toString());

		assertThat(result.code()).isEqualTo(2);
		assertThat(result.out()).startsWith("No such file:");
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(directory.resolve(name), content);
	}

	private static String resource(String name) throws Exception {
		try (var in = ImportFindingsCommandTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
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
