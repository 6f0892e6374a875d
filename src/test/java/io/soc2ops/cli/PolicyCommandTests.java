package io.soc2ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.PolicyRefused;
import io.soc2ops.policies.VulnerabilityPolicies;

/**
 * {@code soc2ops policy import FILE} drafts a version from the policy file (never in
 * force until approved) or refuses it naming the line and field, storing nothing;
 * {@code soc2ops policy show} prints the versions and the exact text of one.
 */
class PolicyCommandTests {

	@TempDir
	Path directory;

	/**
	 * A file database of the test's own: the commands' contexts open and close it one
	 * after the other. (H2 in memory kept open across contexts fails a CHECK constraint
	 * created by a context since closed, on a later insert.)
	 */
	private String url() {
		return "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
	}

	@Test
	void importsTheExampleFileAsADraftAndShowsIt() throws Exception {
		user("pat", Role.OPERATOR);
		Path file = Files.copy(Path.of("policies/vulnerability-management.yaml"),
				directory.resolve("vulnerability-management.yaml"));

		var imported = run("policy", "import", file.toString(), "--author", "pat");

		assertThat(imported.code()).isZero();
		assertThat(imported.out())
			.startsWith("Drafted version 1 of the vulnerability management policy from vulnerability-management.yaml")
			.contains("in force only once a person with the APPROVER role approves it");
		var shown = run("policy", "show");
		assertThat(shown.code()).isZero();
		assertThat(shown.out()).contains("v1  DRAFT", "effective 2026-12-01",
				"CRITICAL 1d, HIGH 7d, MEDIUM 30d, LOW 90d, INFORMATIONAL none", "drafted by user:pat",
				"from file:vulnerability-management.yaml");
		var text = run("policy", "show", "--version", "1");
		assertThat(text.out()).startsWith("# soc2ops vulnerability management policy\n").contains("  HIGH: 7\n");
		assertThat(run("policy", "show", "--version", "2").code()).isEqualTo(1);
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 2 entries verified.\n");
	}

	@Test
	void theAuthorNamedIsTheDraftsAuthorAndSoMayNotApproveIt() throws Exception {
		user("april", Role.APPROVER);
		Path file = Files.copy(Path.of("policies/vulnerability-management.yaml"), directory.resolve("policy.yaml"));

		assertThat(run("policy", "import", file.toString(), "--author", "april").code()).isZero();

		Soc2opsCommand.commandLine(Soc2opsApplication.class);
		try (var context = Server.oneShot(arguments(), false)) {
			var policies = context.getBean(VulnerabilityPolicies.class);
			assertThat(policies.version(1).orElseThrow().draftedBy()).isEqualTo(Actor.user("april"));
			assertThatThrownBy(() -> policies.approve(1, null, "", Actor.user("april")))
				.isInstanceOf(PolicyRefused.class)
				.hasMessageContaining("its author may not approve or reject it");
		}
	}

	@Test
	void anAuthorWhoDoesNotExistMayNotDraftOrIsMissingIsRefusedAndNothingIsStored() throws Exception {
		user("eve", Role.ENGINEER);
		Path file = Files.copy(Path.of("policies/vulnerability-management.yaml"), directory.resolve("p.yaml"));

		var unknown = run("policy", "import", file.toString(), "--author", "ghost");
		var engineer = run("policy", "import", file.toString(), "--author", "eve");
		var missing = run("policy", "import", file.toString());

		assertThat(unknown.code()).isEqualTo(1);
		assertThat(unknown.out())
			.isEqualTo("Refused p.yaml: --author: there is no soc2ops user 'ghost'. Nothing was stored.\n");
		assertThat(engineer.out()).isEqualTo("Refused p.yaml: --author: soc2ops user 'eve' may not draft policies"
				+ " (that needs one of the roles [ADMIN, OPERATOR, APPROVER]). Nothing was stored.\n");
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).contains("Missing required option: '--author=USERNAME'");
		assertThat(run("policy", "show").out()).isEqualTo("The vulnerability management policy has no versions yet.\n");
	}

	@Test
	void aBadFileIsRefusedNamingLineAndFieldAndNothingIsStored() throws Exception {
		Path file = Files.writeString(directory.resolve("bad.yaml"),
				Files.readString(Path.of("policies/vulnerability-management.yaml")).replace("  HIGH: 7", "  HIGH: 0"));

		user("pat", Role.OPERATOR);
		var result = run("policy", "import", file.toString(), "--author", "pat");

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("Refused bad.yaml: line 15: sla.HIGH: must be a whole number of days "
				+ "from 1 to 3650, or none; was 0. Nothing was stored.\n");
		assertThat(run("policy", "show").out()).isEqualTo("The vulnerability management policy has no versions yet.\n");
		assertThat(run("ledger", "verify").out()).isEqualTo("Ledger intact: 1 entries verified.\n");
	}

	@Test
	void aHugeFileOrOneThatIsNotTextIsRefusedBeforeItIsParsed() throws Exception {
		Path huge = Files.writeString(directory.resolve("huge.yaml"), "# " + "x".repeat(70_000));
		Path binary = Files.write(directory.resolve("binary.yaml"), new byte[] { (byte) 0xC3, (byte) 0x28 });

		user("pat", Role.OPERATOR);
		var tooLarge = run("policy", "import", huge.toString(), "--author", "pat");
		var notText = run("policy", "import", binary.toString(), "--author", "pat");

		assertThat(tooLarge.code()).isEqualTo(1);
		assertThat(tooLarge.out())
			.isEqualTo("Refused huge.yaml: the file is 70002 bytes; at most 65536 are accepted. Nothing was stored.\n");
		assertThat(notText.out()).isEqualTo("Refused binary.yaml: not UTF-8 text. Nothing was stored.\n");
		assertThat(run("policy", "import", directory.resolve("nope.yaml").toString(), "--author", "pat").code())
			.isEqualTo(2);
	}

	/** Creates a soc2ops user in the test's database, as an admin would. */
	private void user(String name, Role role) {
		Soc2opsCommand.commandLine(Soc2opsApplication.class);
		try (var context = Server.oneShot(arguments(), false)) {
			context.getBean(Users.class)
				.create(Username.of(name), name, Set.of(role), "a-long-password-1", Actor.system("test"));
		}
	}

	private java.util.List<String> arguments() {
		return java.util.List.of("--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url(),
				"--soc2ops.data-dir=target/test-data");
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
		all[args.length + 1] = "--spring.datasource.url=" + url();
		all[args.length + 2] = "--soc2ops.data-dir=target/test-data";
		int code = cli.execute(all);
		return new Result(code, out.toString(), err.toString());
	}

	record Result(int code, String out, String err) {
	}

}
