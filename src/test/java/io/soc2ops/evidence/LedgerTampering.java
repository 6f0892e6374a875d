package io.soc2ops.evidence;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.TestDatabases;

/**
 * Plays the attacker with direct database access: lifts the append-only trigger, edits
 * the table, and puts the trigger back.
 */
final class LedgerTampering {

	private final JdbcClient jdbc;

	LedgerTampering(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void run(String... statements) {
		guard(false);
		try {
			for (String statement : statements) {
				jdbc.sql(statement).update();
			}
		}
		finally {
			guard(true);
		}
	}

	private void guard(boolean on) {
		if (TestDatabases.onPostgres()) {
			jdbc.sql(
					"ALTER TABLE evidence_entry " + (on ? "ENABLE" : "DISABLE") + " TRIGGER evidence_entry_append_only")
				.update();
		}
		else if (on) {
			jdbc.sql("CREATE TRIGGER evidence_entry_append_only BEFORE UPDATE, DELETE ON evidence_entry"
					+ " FOR EACH ROW CALL 'io.soc2ops.evidence.internal.AppendOnlyTrigger'")
				.update();
		}
		else {
			jdbc.sql("DROP TRIGGER evidence_entry_append_only").update();
		}
	}

}
