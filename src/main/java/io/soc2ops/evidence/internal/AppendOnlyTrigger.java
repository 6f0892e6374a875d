package io.soc2ops.evidence.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of "the ledger is append-only": refuses UPDATE and DELETE on the ledger
 * table. PostgreSQL gets the same from a PL/pgSQL trigger. Public only because H2
 * instantiates it.
 */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("the evidence ledger is append-only: UPDATE and DELETE are refused", "42501");
	}

}
