package io.soc2ops.findings;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.catalog.AutomatedChecks;
import io.soc2ops.catalog.CheckResult;

/**
 * Posture per Security Hub control from the current findings: how many resources fail and
 * pass it, overall and per account and region. A finding counts while it is ACTIVE; a
 * SUPPRESSED one (accepted by a person) does not count as failing.
 */
@Service
public class SecurityHubPosture implements AutomatedChecks {

	private static final String FAILING = "compliance_status = 'FAILED' AND workflow_status <> 'SUPPRESSED'";

	private final JdbcClient jdbc;

	private final PostureSnapshots snapshots;

	SecurityHubPosture(JdbcClient jdbc, PostureSnapshots snapshots) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, CheckResult> results() {
		var results = new HashMap<String, CheckResult>();
		jdbc.sql("SELECT security_control_id, SUM(CASE WHEN " + FAILING + " THEN 1 ELSE 0 END) AS failing,"
				+ " SUM(CASE WHEN compliance_status = 'PASSED' THEN 1 ELSE 0 END) AS passing FROM finding"
				+ " WHERE security_control_id IS NOT NULL AND record_state = 'ACTIVE' GROUP BY security_control_id")
			.query((rs, row) -> new CheckResult(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list()
			.forEach(result -> results.put(result.securityHubControlId(), result));
		return results;
	}

	/** The results of the day's posture snapshot, if one was taken or replayed. */
	@Override
	public Optional<Map<String, CheckResult>> resultsOn(LocalDate day) {
		return Optional.ofNullable(snapshots.resultsBetween(day, day).get(day));
	}

	@Override
	public Map<LocalDate, Map<String, CheckResult>> resultsBetween(LocalDate from, LocalDate to) {
		return snapshots.resultsBetween(from, to);
	}

	/** Failing resources of one control, per account and region, most first. */
	@Transactional(readOnly = true)
	public List<ScopeCount> failingByScope(String securityHubControlId) {
		return jdbc.sql("SELECT account_id, region, COUNT(*) FROM finding WHERE security_control_id = :control"
				+ " AND record_state = 'ACTIVE' AND " + FAILING + " GROUP BY account_id, region ORDER BY 3 DESC, 1, 2")
			.param("control", securityHubControlId)
			.query((rs, row) -> new ScopeCount(rs.getString(1).strip(), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** How many resources fail a control in one account and region. */
	public record ScopeCount(String accountId, String region, long failingResources) {
	}

}
