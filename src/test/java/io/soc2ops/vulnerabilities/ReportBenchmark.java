package io.soc2ops.vulnerabilities;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.Locale;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.cli.Soc2opsCommand;

/**
 * The period report of a large population through the real command,
 * {@code soc2ops report vulnerabilities --from --to}, in this JVM so that its peak heap
 * can be read (run by {@code bench/vulnerabilities} with {@code -Xmx512m} and standard
 * output to {@code /dev/null}). Prints the time and the peak of each heap pool, summed
 * (an upper bound of the heap in use at any one moment), to standard error.
 */
final class ReportBenchmark {

	private ReportBenchmark() {
	}

	/**
	 * @param args the PostgreSQL JDBC URL, the first and the last day
	 */
	public static void main(String[] args) {
		long started = System.nanoTime();
		int code = Soc2opsCommand.execute(Soc2opsApplication.class, "report", "vulnerabilities", "--from", args[1],
				"--to", args[2], "--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + args[0],
				"--soc2ops.data-dir=target/bench-report-data");
		double seconds = (System.nanoTime() - started) / 1e9;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
		long max = Runtime.getRuntime().maxMemory();
		System.err.printf(Locale.ROOT,
				"report command: exit %d, %.1f s including JVM-internal start of the Spring context; peak heap %d MiB"
						+ " (sum of the heap pools' peaks) of %d MiB allowed%n",
				code, seconds, peak / (1024 * 1024), max / (1024 * 1024));
		System.exit(code);
	}

}
