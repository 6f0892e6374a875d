package io.soc2ops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.soc2ops.aws.AwsDisabledException;
import io.soc2ops.aws.ConnectionCheck;
import io.soc2ops.aws.ConnectionStatus;
import io.soc2ops.aws.SecurityHubCollector;
import io.soc2ops.evidence.Actor;

@Command(name = "aws", mixinStandardHelpOptions = true, description = "Works with the AWS connection.",
		subcommands = { AwsCommand.Check.class, AwsCommand.Collect.class })
class AwsCommand extends CommandGroup {

	@Command(name = "check", mixinStandardHelpOptions = true,
			description = { "Tests the connection: per account and region, which calls work and which are denied.",
					"Exit code 0: everything works; 1: something was denied or failed; 2: could not run." })
	static class Check implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.run(spec, springArguments, false, AwsCommand::failed, (context, out) -> {
				var report = context.getBean(ConnectionCheck.class).check(Actor.system("cli"));
				if (report.scopeProblem() != null) {
					out.println("Could not list the accounts in scope: " + report.scopeProblem());
				}
				for (var result : report.results()) {
					out.printf("%-12s %-15s %-13s %s%n", result.target().account(), result.target().region(),
							result.status(), result.status() == ConnectionStatus.OK
									? String.join(", ", result.workingCalls()) : result.message());
				}
				out.println(report.allOk() ? "All " + report.results().size() + " account-regions work."
						: "Some account-regions do not work; see above.");
				return report.allOk() ? 0 : 1;
			});
		}

	}

	@Command(name = "collect", mixinStandardHelpOptions = true,
			description = { "Collects Security Hub findings updated since the last successful sync, checks",
					"that Security Hub, FSBP and CIS are enabled everywhere in scope, and reads every",
					"Amazon Inspector finding (unless soc2ops.aws.inspector.enabled=false).",
					"Exit code 0: collected everywhere; 1: some account-regions failed; 2: could not run." })
	static class Collect implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.run(spec, springArguments, false, AwsCommand::failed, (context, out) -> {
				var summary = context.getBean(SecurityHubCollector.class).collect(Actor.system("cli"));
				if (summary.scopeProblem() != null) {
					out.println("Could not list the accounts in scope: " + summary.scopeProblem());
				}
				for (var sync : summary.syncs()) {
					out.printf("%-12s %-15s %-13s %s%n", sync.target().account(), sync.target().region(), sync.status(),
							sync.error() != null ? sync.error() : sync.received() + " findings since " + sync.since()
									+ " (" + sync.inserted() + " new, " + sync.updated() + " updated)");
				}
				out.printf("Collected %d findings (%d new). Standards: %s %s%n", summary.received(), summary.inserted(),
						summary.standards() == null ? "not checked" : summary.standards(), summary.standardsNote());
				for (var sync : summary.inspector()) {
					out.printf("%-12s %-15s %-13s %s%n", sync.target().account(), sync.target().region(), sync.status(),
							sync.error() != null ? sync.error() : "Inspector: " + sync.findings() + " findings, "
									+ sync.vulnerabilities() + " vulnerabilities (every page read)");
				}
				if (!summary.inspector().isEmpty()) {
					out.printf("Read %d Amazon Inspector vulnerabilities; %d account-regions not read completely.%n",
							summary.vulnerabilities(), summary.inspectorFailures().size());
				}
				boolean clean = summary.scopeProblem() == null && summary.failures().isEmpty()
						&& summary.inspectorFailures().isEmpty();
				return clean ? 0 : 1;
			});
		}

	}

	/**
	 * "AWS is not connected" says itself what to do; anything else gets its root cause.
	 */
	static String failed(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AwsDisabledException disabled) {
				return String.valueOf(disabled.getMessage());
			}
		}
		return "Could not run: " + Server.rootCause(ex);
	}

}
