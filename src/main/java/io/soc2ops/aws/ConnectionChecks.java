package io.soc2ops.aws;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest connection check per account and Region ({@code aws_connection_check}).
 */
@Repository
class ConnectionChecks {

	private final JdbcClient jdbc;

	ConnectionChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the stored check with this one: accounts no longer in scope drop out. */
	@Transactional
	void replace(List<ConnectionResult> results) {
		jdbc.sql("DELETE FROM aws_connection_check").update();
		for (var result : results) {
			jdbc.sql("INSERT INTO aws_connection_check (account_id, region, status, calls, message, checked_at)"
					+ " VALUES (:account, :region, :status, :calls, :message, :at)")
				.param("account", result.target().account().value())
				.param("region", result.target().region().code())
				.param("status", result.status().name())
				.param("calls", String.join(",", result.workingCalls()))
				.param("message",
						result.message().length() <= 1000 ? result.message() : result.message().substring(0, 999) + "…")
				.param("at", OffsetDateTime.ofInstant(result.checkedAt(), ZoneOffset.UTC))
				.update();
		}
	}

	List<ConnectionResult> latest() {
		return jdbc.sql("SELECT * FROM aws_connection_check ORDER BY account_id, region")
			.query(ConnectionChecks::result)
			.list();
	}

	private static ConnectionResult result(ResultSet rs, int row) throws SQLException {
		String calls = rs.getString("calls");
		return new ConnectionResult(
				new AccountRegion(new AccountId(rs.getString("account_id").strip()),
						new Region(rs.getString("region"))),
				ConnectionStatus.valueOf(rs.getString("status")),
				calls.isEmpty() ? List.of() : Arrays.asList(calls.split(",")), rs.getString("message"),
				rs.getObject("checked_at", OffsetDateTime.class).toInstant());
	}

}
