package io.soc2ops.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingRejected;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports data from files.",
		subcommands = { ImportCommand.Findings.class, ImportCommand.CredentialReport.class })
class ImportCommand extends CommandGroup {

	@Command(name = "findings", mixinStandardHelpOptions = true,
			description = { "Imports Security Hub findings, ASFF or OCSF, from a file: a JSON array of findings,",
					"{\"Findings\": [...]} as GetFindings or GetFindingsV2 returns it, or EventBridge envelopes",
					"(an array or one per line).",
					"The whole file is stored or nothing is. Exit code 0: imported; 1: refused; 2: could not run." })
	static class Findings implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

		@CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the file to import")
		Path file = Path.of("");

		@CommandLine.Option(names = "--no-progress", description = "do not draw a progress bar")
		boolean noProgress;

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.runOnFile(spec, file, springArguments, false, "import", this::importFile);
		}

		private int importFile(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
			try (var input = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
				var bar = new ProgressBar(Server.err(spec), Files.size(file), noProgress);
				long started = System.nanoTime();
				var result = context.getBean(FindingsIntake.class)
					.accept(input, IntakeChannel.FILE, "file:" + file.getFileName(), Actor.system("cli"), bar);
				bar.done();
				double seconds = Math.max(1, System.nanoTime() - started) / 1e9;
				out.printf(Locale.ROOT,
						"Imported %s: %d findings (%d new, %d updated, %d unchanged) in %.1f s, %,.0f findings/s;"
								+ " ledger entry #%d, sha256 %s%n",
						file.getFileName(), result.received(), result.inserted(), result.updated(), result.unchanged(),
						seconds, result.received() / seconds, result.ledgerSequence(), result.digest());
				return 0;
			}
			catch (FindingRejected ex) {
				out.println("Refused " + file.getFileName() + ": " + ex.getMessage() + ". Nothing was stored.");
				return 1;
			}
		}

	}

	@Command(name = "credential-report", mixinStandardHelpOptions = true,
			description = { "Imports an IAM credential report downloaded by hand (the CSV the IAM console's",
					"Credential report page gives) as the account's snapshot, and prints per user what the",
					"checks found: no MFA, old or unused access keys, unused passwords, root use.",
					"The whole file is stored or nothing is. Exit code 0: imported; 1: refused; 2: could not run." })
	static class CredentialReport implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

		@CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the credential report (CSV)")
		Path file = Path.of("");

		@CommandLine.Option(names = "--account", required = true, paramLabel = "ACCOUNT_ID",
				description = "the AWS account (12 digits) the report is of")
		String account = "";

		@CommandLine.Option(names = "--generated-at", paramLabel = "TIME",
				description = { "when AWS generated the report (ISO 8601, e.g. 2026-09-28T00:00:00Z);",
						"default: the file's last-modified time" })
		java.time.@org.jspecify.annotations.Nullable Instant generatedAt;

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.runOnFile(spec, file, springArguments, false, "import", this::importFile);
		}

		private int importFile(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
			String name = String.valueOf(file.getFileName());
			long size = Files.size(file);
			if (size > io.soc2ops.access.CredentialReports.MAX_BYTES) {
				out.println("Refused " + name + ": the file is " + size + " bytes; at most "
						+ io.soc2ops.access.CredentialReports.MAX_BYTES + " are accepted. Nothing was stored.");
				return 1;
			}
			var at = generatedAt != null ? generatedAt : Files.getLastModifiedTime(file).toInstant();
			try {
				var stored = context.getBean(io.soc2ops.access.CredentialReports.class)
					.store(account, Files.readAllBytes(file), at, "file:" + name, Actor.system("cli"));
				print(name, stored, out);
				return 0;
			}
			catch (io.soc2ops.access.AccessRefused ex) {
				out.println("Refused " + name + ": " + ex.getMessage() + ". Nothing was stored.");
				return 1;
			}
		}

		static void print(String name, io.soc2ops.access.CredentialReportImport stored, PrintWriter out) {
			out.printf(Locale.ROOT, "%s %s: credential report of account %s generated at %s, %d users, sha256 %s%n",
					stored.alreadyStored() ? "Already stored" : "Imported", name, stored.accountId(),
					stored.generatedAt(), stored.users(), stored.sha256());
			if (!stored.newest()) {
				out.println("A newer report of the account is stored: this one is kept as evidence only.");
			}
			for (String user : stored.userNames()) {
				var found = stored.findingsFor(user);
				if (found.isEmpty()) {
					out.printf("  %s: nothing found%n", user);
				}
				for (var finding : found) {
					out.printf("  %s: %s - %s%n", user, finding.kind(), finding.detail());
				}
			}
			var counts = new java.util.TreeMap<String, Long>();
			stored.findings().forEach(f -> counts.merge(f.kind().name(), 1L, Long::sum));
			out.printf("Totals: %d findings%s%n", stored.findings().size(),
					counts.isEmpty() ? ""
							: " (" + counts.entrySet()
								.stream()
								.map(e -> e.getKey() + " " + e.getValue())
								.collect(java.util.stream.Collectors.joining(", ")) + ")");
		}

	}

}
