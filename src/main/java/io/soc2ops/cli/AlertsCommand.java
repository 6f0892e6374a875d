package io.soc2ops.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.soc2ops.alerting.AlertRules;
import io.soc2ops.alerting.AlertingException;
import io.soc2ops.alerting.EventTrial;

@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Works with alert rules.",
		subcommands = AlertsCommand.Try.class)
class AlertsCommand extends CommandGroup {

	@Command(name = "try", mixinStandardHelpOptions = true,
			description = {
					"Matches one EventBridge event (a JSON file) against every alert rule, each finding by itself,",
					"and prints what each rule does with it and why not. Nothing is stored.",
					"Exit code 0: an enabled rule raises an alert; 1: none does; 2: could not check." })
	static class Try implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

		@CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the event, as JSON")
		Path file = Path.of("");

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.runOnFile(spec, file, springArguments, true, "try", (context, out) -> {
				try {
					var trial = context.getBean(AlertRules.class)
						.tryEvent(Files.readString(file, StandardCharsets.UTF_8));
					print(trial, out);
					return trial.raisesAny() ? 0 : 1;
				}
				catch (AlertingException ex) {
					out.println(file.getFileName() + ": " + ex.getMessage());
					return 2;
				}
			});
		}

		static void print(EventTrial trial, PrintWriter out) {
			for (var finding : trial.findings()) {
				if (finding.number() == 0) {
					out.println("The event (it carries no findings):");
				}
				else {
					out.println("Finding " + finding.number() + " of " + trial.findings().size() + ": "
							+ finding.finding() + (finding.severity() == null ? "" : " (" + finding.severity() + ")"));
				}
				if (finding.rules().isEmpty()) {
					out.println("  no alert rules");
				}
				for (var rule : finding.rules()) {
					out.println("  " + rule.rule() + ": " + outcome(rule.outcome()));
					rule.misses().forEach(miss -> out.println("    " + miss.describe()));
				}
			}
		}

		private static String outcome(EventTrial.Outcome outcome) {
			return switch (outcome) {
				case RAISES -> "raises an alert";
				case BELOW_FLOOR -> "matches, but the finding is below the rule's severity floor";
				case DISABLED -> "matches, but the rule is off";
				case MATCHES_WITHOUT_FINDING -> "matches, but the event carries no finding to alert on";
				case NO_MATCH -> "no match";
			};
		}

	}

}
