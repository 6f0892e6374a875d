package io.soc2ops.vulnerabilities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The period report an auditor samples: every vulnerability open at some time in the
 * period, with its clock start, due time, fix, whether it was within its SLA and the
 * exception that covers it; then the totals per severity. Written as CSV straight from a
 * database cursor, so a million rows take no more memory than ten.
 * <p>
 * Each row is judged as of the period's end (or now, for a period not over yet): fixed
 * only if fixed by then; within the SLA if fixed by its due time, or still open and not
 * yet due. Every line starts with {@code record}: {@code item} for a vulnerability,
 * {@code total} for the totals at the end (one per severity and one {@code ALL}), whose
 * counts are in the {@code total_} columns.
 */
@Service
public class PeriodReport {

	public static final List<String> COLUMNS = List.of("record", "vulnerability_id", "finding_id", "resource_id",
			"resource_type", "account", "region", "team", "kind", "severity", "cve", "title", "first_observed", "due",
			"sla_days", "policy_version", "fixed", "status", "within_sla", "exception_id", "exception_expires_on",
			"deadline", "total_items", "total_fixed", "total_open", "total_within_sla", "total_breached",
			"total_breached_excepted", "total_no_deadline");

	private static final int FETCH = 1000;

	static final long PROGRESS_EVERY = 100_000;

	/** The latest exception approved by the evaluation moment, one per item. */
	private static final String LATEST_EXCEPTION = " LEFT JOIN (SELECT ei.vulnerability_id, e.id AS exception_id,"
			+ " e.decided_at, e.expires_at,"
			+ " ROW_NUMBER() OVER (PARTITION BY ei.vulnerability_id ORDER BY e.decided_at DESC, e.id DESC) AS n"
			+ " FROM vulnerability_exception_item ei JOIN vulnerability_exception e ON e.id = ei.exception_id"
			+ " WHERE e.state IN ('APPROVED', 'EXPIRED') AND e.decided_at <= :asOf) x"
			+ " ON x.vulnerability_id = d.vulnerability_id AND x.n = 1";

	private static final String IN_PERIOD = " WHERE d.started_at < :end AND (d.fixed_at IS NULL OR d.fixed_at > :start)";

	private static final String EXCEPTION_COLUMNS = ", x.exception_id, x.decided_at AS x_decided_at,"
			+ " x.expires_at AS x_expires_at";

	private static final String SQL = "SELECT " + ItemRow.COLUMNS + EXCEPTION_COLUMNS + ItemRow.FROM + LATEST_EXCEPTION
			+ IN_PERIOD + " ORDER BY d.vulnerability_id";

	/** What the totals need, from the narrow deadline table alone. */
	private static final String TOTALS_SQL = "SELECT d.severity, d.fixed_at, d.due_at, d.policy_version"
			+ EXCEPTION_COLUMNS + " FROM vulnerability_deadline d" + LATEST_EXCEPTION + IN_PERIOD;

	private final NamedParameterJdbcTemplate jdbc;

	private final SlaPolicies policies;

	private final Clock clock;

	PeriodReport(DataSource dataSource, SlaPolicies policies, Clock clock) {
		var template = new JdbcTemplate(dataSource);
		// with a transaction around it (autocommit off), PostgreSQL streams rows through
		// a cursor instead of reading them all first
		template.setFetchSize(FETCH);
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.policies = policies;
		this.clock = clock;
	}

	/**
	 * Writes the report as CSV.
	 * @param progress told the number of rows written, every {@value #PROGRESS_EVERY}
	 * rows
	 */
	@Transactional(readOnly = true)
	public ReportTotals writeCsv(ReportPeriod period, Writer out, LongConsumer progress) throws IOException {
		Instant asOf = asOf(period);
		var known = policyLookup();
		var csv = new Csv(out);
		csv.row(COLUMNS);
		var tally = new ReportTotals.Tally();
		long[] rows = { 0 };
		try {
			jdbc.query(SQL, params(period, asOf), rs -> {
				var row = row(rs, asOf, known);
				tally.add(row.severity(), row.fixed() != null, row.withinSla(), row.excepted());
				item(csv, row);
				if (++rows[0] % PROGRESS_EVERY == 0) {
					progress.accept(rows[0]);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		var totals = tally.totals();
		for (var severity : VulnerabilitySeverity.values()) {
			total(csv, severity.name(), totals.bySeverity().get(severity));
		}
		total(csv, "ALL", totals.all());
		out.flush();
		if (rows[0] % PROGRESS_EVERY != 0) {
			progress.accept(rows[0]);
		}
		return totals;
	}

	/**
	 * The report's totals alone, as its CSV ends with them: every vulnerability of the
	 * period judged as the rows are, read from a cursor over the deadlines only.
	 */
	@Transactional(readOnly = true)
	public ReportTotals totals(ReportPeriod period) {
		return summary(period).totals();
	}

	/**
	 * The report's totals and the policy versions that set its rows' deadlines, in one
	 * pass over the deadlines.
	 */
	@Transactional(readOnly = true)
	public PeriodSummary summary(ReportPeriod period) {
		Instant asOf = asOf(period);
		var tally = new ReportTotals.Tally();
		var versions = new java.util.TreeSet<Integer>();
		jdbc.query(TOTALS_SQL, params(period, asOf), rs -> {
			var severity = VulnerabilitySeverity.valueOf(rs.getString("severity"));
			var judged = Judgement.of(asOf, VulnerabilityStore.nullableInstant(rs, "fixed_at"),
					VulnerabilityStore.nullableInstant(rs, "due_at"), exception(rs));
			tally.add(severity, judged.fixedByEnd(), judged.within(), judged.excepted());
			var version = VulnerabilityStore.integer(rs, "policy_version");
			if (version != null) {
				versions.add(version);
			}
		});
		return new PeriodSummary(tally.totals(), List.copyOf(versions));
	}

	/**
	 * Rows of the report in its order (by vulnerability ID), from the {@code offset}-th,
	 * at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<ReportRow> rows(ReportPeriod period, long offset, int limit) {
		if (offset < 0 || limit < 1 || limit > 10_000) {
			throw new IllegalArgumentException("limit: must be 1-10000, offset 0 or more");
		}
		Instant asOf = asOf(period);
		var known = policyLookup();
		var params = new java.util.HashMap<String, Object>(params(period, asOf));
		params.put("limit", limit);
		params.put("offset", offset);
		return jdbc.query(SQL + " LIMIT :limit OFFSET :offset", params, (rs, n) -> row(rs, asOf, known));
	}

	/**
	 * The moment the rows are judged at: the period's end, or now for a period not over.
	 */
	public Instant asOf(ReportPeriod period) {
		Instant now = clock.instant();
		return period.end().isBefore(now) ? period.end() : now;
	}

	private IntFunction<Optional<SlaPolicy>> policyLookup() {
		Map<Integer, SlaPolicy> byVersion = policies.all()
			.stream()
			.collect(Collectors.toMap(SlaPolicy::version, Function.identity()));
		return version -> Optional.ofNullable(byVersion.get(version));
	}

	private static Map<String, Object> params(ReportPeriod period, Instant asOf) {
		return Map.of("start", VulnerabilityStore.time(period.start()), "end", VulnerabilityStore.time(period.end()),
				"asOf", VulnerabilityStore.time(asOf));
	}

	private static SlaRules.@Nullable ExceptionWindow exception(ResultSet rs) throws SQLException {
		long exceptionId = rs.getLong("exception_id");
		return rs.wasNull() ? null : new SlaRules.ExceptionWindow(exceptionId,
				VulnerabilityStore.instant(rs, "x_decided_at"), VulnerabilityStore.instant(rs, "x_expires_at"));
	}

	private static ReportRow row(ResultSet rs, Instant asOf, IntFunction<Optional<SlaPolicy>> policies)
			throws SQLException {
		var row = ItemRow.read(rs, 0);
		var exception = exception(rs);
		var judged = Judgement.of(asOf, row.fixedAt(), row.dueAt(), exception);
		return new ReportRow(row.id(), row.findingArn(), row.resourceId(), row.resourceType(), row.accountId(),
				row.region(), row.team(), row.kind(), row.severity(), row.cve(), row.title(), row.startedAt(),
				row.dueAt(), row.slaDays(), row.policyVersion(), judged.fixedByEnd() ? row.fixedAt() : null,
				judged.status(), judged.within(), exception == null ? null : exception.exceptionId(),
				exception == null ? null : LocalDate.ofInstant(exception.expiresAt(), ZoneOffset.UTC).minusDays(1),
				judged.excepted(), row.deadline(policies).note());
	}

	private static void item(Csv csv, ReportRow row) {
		try {
			csv.field("item")
				.field(row.vulnerabilityId())
				.text(row.findingArn())
				.text(row.resourceId())
				.text(row.resourceType())
				.field(row.accountId())
				.text(row.region())
				.text(row.team())
				.field(row.kind())
				.field(row.severity())
				.text(row.cve())
				.text(row.title())
				.field(row.firstObserved())
				.field(row.due())
				.field(row.slaDays())
				.field(row.policyVersion())
				.field(row.fixed())
				.field(row.status().name().toLowerCase(java.util.Locale.ROOT))
				.field(row.withinSlaText())
				.field(row.exceptionId())
				.field(row.exceptionExpiresOn())
				.text(row.deadline());
			for (int i = 0; i < 7; i++) {
				csv.field(null);
			}
			csv.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void total(Csv csv, String severity, ReportTotals.Counts counts) throws IOException {
		csv.field("total");
		for (int i = 1; i < COLUMNS.indexOf("severity"); i++) {
			csv.field(null);
		}
		csv.field(severity);
		for (int i = COLUMNS.indexOf("severity") + 1; i < COLUMNS.indexOf("total_items"); i++) {
			csv.field(null);
		}
		csv.field(counts.items())
			.field(counts.fixed())
			.field(counts.open())
			.field(counts.withinSla())
			.field(counts.breached())
			.field(counts.breachedExcepted())
			.field(counts.noDeadline());
		csv.end();
	}

	/**
	 * How the report judges one vulnerability as of {@code asOf}: fixed only if fixed by
	 * then; its status then; within the SLA or not (null without a deadline); and whether
	 * its latest approved exception held at the fix, or at {@code asOf} when not fixed.
	 */
	record Judgement(boolean fixedByEnd, VulnerabilityStatus status, @Nullable Boolean within, boolean excepted) {

		static Judgement of(Instant asOf, @Nullable Instant fixedAt, @Nullable Instant dueAt,
				SlaRules.@Nullable ExceptionWindow exception) {
			boolean fixedByEnd = fixedAt != null && !fixedAt.isAfter(asOf);
			var status = SlaRules.statusAt(asOf, fixedAt, dueAt, exception == null ? List.of() : List.of(exception));
			Boolean within = SlaRules.withinSla(dueAt, fixedAt, asOf).orElse(null);
			boolean excepted = exception != null && exception.inForceAt(fixedByEnd ? fixedAt : asOf);
			return new Judgement(fixedByEnd, status, within, excepted);
		}

	}

}
