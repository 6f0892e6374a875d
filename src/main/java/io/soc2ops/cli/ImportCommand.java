package io.soc2ops.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingRejected;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports data from files.",
		subcommands = ImportCommand.Findings.class)
class ImportCommand extends CommandGroup {

	@Command(name = "findings", mixinStandardHelpOptions = true, description = {
			"Imports Security Hub findings (ASFF) from a file: a JSON array of findings,",
			"{\"Findings\": [...]} as GetFindings returns it, or EventBridge envelopes (an array or one per line).",
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
			PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
			PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
			if (!Files.isRegularFile(file)) {
				out.println("No such file: " + file);
				out.flush();
				return 2;
			}
			try (var context = Server.oneShot(springArguments, false);
					var input = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
				var bar = new ProgressBar(err, Files.size(file), noProgress);
				var result = context.getBean(FindingsIntake.class)
					.accept(input, IntakeChannel.FILE, "file:" + file.getFileName(), Actor.system("cli"), bar);
				bar.done();
				out.printf("Imported %s: %d findings (%d new, %d updated, %d unchanged); ledger entry #%d, sha256 %s%n",
						file.getFileName(), result.received(), result.inserted(), result.updated(), result.unchanged(),
						result.ledgerSequence(), result.digest());
				return 0;
			}
			catch (FindingRejected ex) {
				out.println("Refused " + file.getFileName() + ": " + ex.getMessage() + ". Nothing was stored.");
				return 1;
			}
			catch (IOException | RuntimeException ex) {
				out.println("Could not import " + file.getFileName() + ": " + Server.rootCause(ex));
				return 2;
			}
			finally {
				out.flush();
			}
		}

	}

}
