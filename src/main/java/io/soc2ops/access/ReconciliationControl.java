package io.soc2ops.access;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.soc2ops.catalog.CatalogException;
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.catalog.TestOutcome;

/**
 * Counts unapproved access in posture: each reconciliation is a test of control ACC-03
 * (access to AWS only on an approved request [CC6.2, CC6.3]), passed with no open
 * exception and failed with their count otherwise. Recorded when the result differs from
 * the latest recorded one or none was recorded for the day yet, so the ledger holds a
 * daily result and every change without an entry per run. A catalog without ACC-03 (a
 * company's own) gets a log line instead.
 */
@Component
class ReconciliationControl {

	static final String CONTROL = "ACC-03";

	private static final Logger log = LoggerFactory.getLogger(ReconciliationControl.class);

	private final ControlTests tests;

	ReconciliationControl(ControlTests tests) {
		this.tests = tests;
	}

	void record(ReconciliationRun run) {
		var outcome = run.open() == 0 ? TestOutcome.PASSED : TestOutcome.FAILED;
		String note = note(run);
		var day = LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC);
		try {
			var latest = tests.history(CONTROL, 1).stream().findFirst();
			if (latest.isPresent() && latest.get().outcome() == outcome && latest.get().note().equals(note)
					&& latest.get().evidenceFor().equals(day)) {
				return;
			}
			tests.record(CONTROL, outcome, day, note, AccessReconciliation.ACTOR);
		}
		catch (CatalogException ex) {
			log.warn("{} {} not recorded: {}", CONTROL, outcome, ex.getMessage());
		}
	}

	static String note(ReconciliationRun run) {
		return run.open() == 0 ? "Access reconciliation: every current holding is covered by an approved request"
				: "Access reconciliation: " + run.open() + (run.open() == 1 ? " holding has" : " holdings have")
						+ " no approved, unexpired request (unapproved access)";
	}

}
