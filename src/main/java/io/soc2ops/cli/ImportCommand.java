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
		subcommands = ImportCommand.Findings.class)
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

}
