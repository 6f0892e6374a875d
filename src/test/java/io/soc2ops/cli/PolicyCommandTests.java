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
 * {@code soc2ops policy import FILE} drafts a version from the policy file (never in
 * force until approved) or refuses it naming the line and field, storing nothing;
 * {@code soc2ops policy show} prints the versions and the exact text of one.
 */
class PolicyCommandTests {

	final String url = "jdbc:h2:mem:policy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@TempDir
	Path directory;

	@Test
	void importsTheExampleFileAsADraftAndShowsIt() throws Exception {
		Path file = Files.copy(Path.of("policies/vulnerability-management.yaml"),
				directory.resolve("vulnerability-management.yaml"));

		var imported = run("policy", "import", file.toString());

		assertThat(imported.code()).isZero();
		assertThat(imported.out())
			.startsWith("Drafted version 1 of the vulnerability management policy from vulnerability-management.yaml")
			.contains("in force only once a person with the APPROVER role approves it");
		var shown = run("policy", "show");
		assertThat(shown.code()).isZero();
		assertThat(shown.out()).contains("v1  DRAFT", "effective 2026-12-01",
				"CRITICAL 1d, HIGH 7d, MEDIUM 30d, LOW 90d, INFORMATIONAL none", "drafted by system:cli",
				"from file:vulnerability-management.yaml");
		var text = run("policy", "show", "--version", "1");
		assertThat(text.out()).startsWith("# soc2ops vulnerability management policy\n").contains("  HIGH: 7\n");
		assertThat(run("policy", "show", "--version", "2").code()).isEqualTo(1);
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 1 entries verified.\n");
	}

	@Test
	void aBadFileIsRefusedNamingLineAndFieldAndNothingIsStored() throws Exception {
		Path file = Files.writeString(directory.resolve("bad.yaml"),
				Files.readString(Path.of("policies/vulnerability-management.yaml")).replace("  HIGH: 7", "  HIGH: 0"));

		var result = run("policy", "import", file.toString());

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("Refused bad.yaml: line 15: sla.HIGH: must be a whole number of days "
				+ "from 1 to 3650, or none; was 0. Nothing was stored.\n");
		assertThat(run("policy", "show").out()).isEqualTo("The vulnerability management policy has no versions yet.\n");
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 0 entries verified.\n");
	}

	@Test
	void aHugeFileOrOneThatIsNotTextIsRefusedBeforeItIsParsed() throws Exception {
		Path huge = Files.writeString(directory.resolve("huge.yaml"), "# " + "x".repeat(70_000));
		Path binary = Files.write(directory.resolve("binary.yaml"), new byte[] { (byte) 0xC3, (byte) 0x28 });

		var tooLarge = run("policy", "import", huge.toString());
		var notText = run("policy", "import", binary.toString());

		assertThat(tooLarge.code()).isEqualTo(1);
		assertThat(tooLarge.out())
			.isEqualTo("Refused huge.yaml: the file is 70002 bytes; at most 65536 are accepted. Nothing was stored.\n");
		assertThat(notText.out()).isEqualTo("Refused binary.yaml: not UTF-8 text. Nothing was stored.\n");
		assertThat(run("policy", "import", directory.resolve("nope.yaml").toString()).code()).isEqualTo(2);
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
