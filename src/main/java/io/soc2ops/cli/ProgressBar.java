package io.soc2ops.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.soc2ops.findings.ImportProgress;

/**
 * A one-line progress bar on standard error: percent of the file, findings and their
 * rate. Redrawn at most five times a second so it costs nothing next to the import.
 */
final class ProgressBar implements ImportProgress {

	private static final int WIDTH = 30;

	private final PrintWriter err;

	private final long total;

	private final boolean silent;

	private final long started = System.nanoTime();

	private long lastDrawn;

	private long findings;

	ProgressBar(PrintWriter err, long total, boolean silent) {
		this.err = err;
		this.total = Math.max(total, 1);
		this.silent = silent;
	}

	@Override
	public void advanced(long bytesRead, long findings) {
		this.findings = findings;
		long now = System.nanoTime();
		if (silent || now - lastDrawn < 200_000_000L) {
			return;
		}
		lastDrawn = now;
		draw(bytesRead);
	}

	void done() {
		if (!silent) {
			draw(total);
			err.println();
			err.flush();
		}
	}

	private void draw(long bytesRead) {
		double share = Math.min(1.0, (double) bytesRead / total);
		int filled = (int) Math.round(share * WIDTH);
		double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
		err.printf(Locale.ROOT, "\r[%s%s] %3d%%  %,d findings  %,.0f/s  ", "#".repeat(filled),
				" ".repeat(WIDTH - filled), Math.round(share * 100), findings, findings / seconds);
		err.flush();
	}

}
