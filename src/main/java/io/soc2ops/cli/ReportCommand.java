package io.soc2ops.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.soc2ops.vulnerabilities.PeriodReport;
import io.soc2ops.vulnerabilities.ReportPeriod;
import io.soc2ops.vulnerabilities.ReportTotals;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Writes reports an auditor samples.",
		subcommands = ReportCommand.VulnerabilitiesReport.class)
class ReportCommand extends CommandGroup {

	@Command(name = "vulnerabilities", mixinStandardHelpOptions = true,
			description = { "Writes the vulnerability period report as CSV to standard output: every vulnerability",
					"open at some time from --from to --to (both days, UTC), then a 'total' row per severity.",
					"Progress and errors go to standard error.",
					"Exit code 0: written; 1: bad period; 2: could not run." })
	static class VulnerabilitiesReport implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

		@CommandLine.Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day of the period")
		@org.jspecify.annotations.Nullable
		String from;

		@CommandLine.Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day of the period")
		@org.jspecify.annotations.Nullable
		String to;

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			PrintWriter err = Server.err(spec);
			ReportPeriod period;
			try {
				period = ReportPeriod.parse(from, to);
			}
			catch (IllegalArgumentException ex) {
				err.println("Refused: --" + ex.getMessage() + ". Nothing was written.");
				err.flush();
				return 1;
			}
			PrintWriter out = Server.out(spec);
			long started = System.nanoTime();
			try (var context = Server.oneShot(springArguments, true)) {
				var totals = context.getBean(PeriodReport.class)
					.writeCsv(period, out, rows -> err.printf(Locale.ROOT, "%,d vulnerabilities written%n", rows));
				out.flush();
				err.println(summary(period, totals, (System.nanoTime() - started) / 1e9));
				return 0;
			}
			catch (Exception ex) {
				out.flush();
				err.println("Could not write the report: " + Server.rootCause(ex) + System.lineSeparator()
						+ "soc2ops reads the database in SOC2OPS_DATA_DIR (default ./data),"
						+ " or the one SPRING_DATASOURCE_URL names.");
				return 2;
			}
			finally {
				err.flush();
			}
		}

		static String summary(ReportPeriod period, ReportTotals totals, double seconds) {
			var all = totals.all();
			return String.format(Locale.ROOT,
					"Vulnerabilities from %s to %s: %d (%d fixed, %d open; %d within SLA, %d breached, %d of those"
							+ " excepted, %d without deadline) in %.1f s",
					period.from(), period.to(), all.items(), all.fixed(), all.open(), all.withinSla(), all.breached(),
					all.breachedExcepted(), all.noDeadline(), seconds);
		}

	}

}
