package io.soc2ops.aws;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;

/**
 * The connection checks: each one as a whole ({@code aws_connection_check_run}) and the
 * latest result per account and Region ({@code aws_connection_check}).
 */
@Repository
class ConnectionChecks {

	private final JdbcClient jdbc;

	ConnectionChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a check. When it found its scope, its results replace the stored ones:
	 * accounts no longer in scope drop out; when it did not, the results of the check
	 * before stay.
	 */
	@Transactional
	void add(ConnectionReport report) {
		jdbc.sql("INSERT INTO aws_connection_check_run (checked_at, started_by, management_account, scope_problem)"
				+ " VALUES (:at, :by, :management, :problem)")
			.param("at", OffsetDateTime.ofInstant(report.checkedAt(), ZoneOffset.UTC))
			.param("by", report.startedBy().toString())
			.param("management", report.management() == null ? null : report.management().value())
			.param("problem", report.scopeProblem() == null ? null : shorten(report.scopeProblem(), 1000))
			.update();
		if (report.scopeProblem() != null) {
			return;
		}
		jdbc.sql("DELETE FROM aws_connection_check").update();
		for (var result : report.results()) {
			jdbc.sql("INSERT INTO aws_connection_check (account_id, region, status, calls, failed_calls, message,"
					+ " checked_at) VALUES (:account, :region, :status, :calls, :failed, :message, :at)")
				.param("account", result.target().account().value())
				.param("region", result.target().region().code())
				.param("status", result.status().name())
				.param("calls", String.join(",", result.workingCalls()))
				.param("failed", String.join(",", result.failedCalls()))
				.param("message", shorten(result.message(), 1000))
				.param("at", OffsetDateTime.ofInstant(result.checkedAt(), ZoneOffset.UTC))
				.update();
		}
	}

	List<ConnectionResult> latest() {
		return jdbc.sql("SELECT * FROM aws_connection_check ORDER BY account_id, region")
			.query(ConnectionChecks::result)
			.list();
	}

	/** The latest check, with the latest results per account and Region. */
	@Transactional(readOnly = true)
	Optional<ConnectionReport> latestReport() {
		return jdbc.sql("SELECT * FROM aws_connection_check_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.query((rs, row) -> {
				String management = rs.getString("management_account");
				return new ConnectionReport(rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
						Actor.parse(rs.getString("started_by")),
						management == null ? null : new AccountId(management.strip()), rs.getString("scope_problem"),
						List.of());
			})
			.optional()
			.map(run -> new ConnectionReport(run.checkedAt(), run.startedBy(), run.management(), run.scopeProblem(),
					latest()));
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static ConnectionResult result(ResultSet rs, int row) throws SQLException {
		return new ConnectionResult(
				new AccountRegion(new AccountId(rs.getString("account_id").strip()),
						new Region(rs.getString("region"))),
				ConnectionStatus.valueOf(rs.getString("status")), calls(rs.getString("calls")),
				calls(rs.getString("failed_calls")), rs.getString("message"),
				rs.getObject("checked_at", OffsetDateTime.class).toInstant());
	}

	private static List<String> calls(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

}
