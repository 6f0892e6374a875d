package io.soc2ops.aws;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.alerting.FindingWorkflowUpdate;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * The write-backs ({@code aws_write_back}) and their evidence: each outcome is one row
 * for the AWS page and one ledger entry about the alert, {@code finding.workflow-updated}
 * or {@code finding.workflow-update-failed}, stored together.
 */
@Repository
class WriteBackLog {

	static final Actor WRITER = Actor.system("securityhub-write-back");

	private static final int MAX_MESSAGE = 1000;

	private final JdbcClient jdbc;

	private final EvidenceLedger ledger;

	WriteBackLog(JdbcClient jdbc, EvidenceLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@Transactional
	void record(FindingWorkflowUpdate update, WriteBackOutcome outcome) {
		jdbc.sql("INSERT INTO aws_write_back (alert_id, finding_id, status, outcome, region, calls, message,"
				+ " attempted_at) VALUES (:alert, :finding, :status, :outcome, :region, :calls, :message, :at)")
			.param("alert", outcome.alertId())
			.param("finding", outcome.findingId())
			.param("status", outcome.status().name())
			.param("outcome", outcome.result().name())
			.param("region", outcome.region())
			.param("calls", outcome.calls())
			.param("message", shorten(outcome.message()))
			.param("at", OffsetDateTime.ofInstant(outcome.at(), ZoneOffset.UTC))
			.update();
		ledger.record(new EvidenceRecord(
				outcome.result().succeeded() ? "finding.workflow-updated" : "finding.workflow-update-failed", WRITER,
				"aws", "alert:" + update.alertId(), LocalDate.ofInstant(outcome.at(), ZoneOffset.UTC),
				payload(update, outcome)));
	}

	/** How many write-backs succeeded ({@code true}) and failed ({@code false}). */
	@Transactional(readOnly = true)
	Map<Boolean, Long> counts() {
		var counts = new LinkedHashMap<Boolean, Long>(Map.of(true, 0L, false, 0L));
		jdbc.sql("SELECT outcome, COUNT(*) AS n FROM aws_write_back GROUP BY outcome")
			.query((rs, row) -> Map.entry(WriteBackOutcome.Result.valueOf(rs.getString("outcome")), rs.getLong("n")))
			.list()
			.forEach(count -> counts.merge(count.getKey().succeeded(), count.getValue(), Long::sum));
		return counts;
	}

	@Transactional(readOnly = true)
	Optional<WriteBackOutcome> last() {
		return jdbc.sql("SELECT * FROM aws_write_back ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.query(WriteBackLog::outcome)
			.optional();
	}

	private static Map<String, Object> payload(FindingWorkflowUpdate update, WriteBackOutcome outcome) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("alertId", update.alertId());
		payload.put("findingId", update.finding().id());
		payload.put("productArn", update.finding().productArn());
		payload.put("accountId", update.accountId());
		payload.put("status", update.status().name());
		payload.put("outcome", outcome.result().name());
		payload.put("region", outcome.region());
		payload.put("calls", outcome.calls());
		payload.put("requestedBy", update.by());
		if (!outcome.message().isEmpty()) {
			payload.put("error", shorten(outcome.message()));
		}
		return payload;
	}

	private static WriteBackOutcome outcome(ResultSet rs, int row) throws SQLException {
		return new WriteBackOutcome(rs.getString("alert_id"), rs.getString("finding_id"),
				FindingWorkflowUpdate.Status.valueOf(rs.getString("status")),
				WriteBackOutcome.Result.valueOf(rs.getString("outcome")), rs.getString("region"), rs.getInt("calls"),
				rs.getString("message"), rs.getObject("attempted_at", OffsetDateTime.class).toInstant());
	}

	private static String shorten(String text) {
		return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
	}

}
