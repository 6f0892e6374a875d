package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;

/**
 * The period report: every vulnerability open at some time in the period and only those
 * (open before and fixed during, opened during, open throughout; not fixed before it, not
 * opened after it), each judged as of the period's end, with totals per severity; its
 * statuses are the lists' statuses; its CSV holds hostile text safely.
 */
@SpringBootTest(properties = "soc2ops.test.context=period-report")
@Import(MovableClock.Configuration.class)
class PeriodReportTests {

	static final Instant NOW = Instant.parse("2026-10-15T10:00:00Z");

	@Autowired
	PeriodReport report;

	@Autowired
	VulnerabilityIntake intake;

	@Autowired
	Vulnerabilities vulnerabilities;

	@Autowired
	RiskAcceptances exceptions;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	/** The letter of each scenario vulnerability, by finding ARN. */
	static final Map<String, String> arns = new java.util.concurrent.ConcurrentHashMap<>();

	/** The scenario's account: made once, as the totals count all of the period. */
	static @Nullable String scenarioAccount;

	String account = "";

	@BeforeEach
	void referencePolicyInForce() {
		clock.set(NOW);
		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2025, 1, 1)), events, transactions, jdbc);
		for (var name : List.of("erin", "alice")) {
			if (users.find(Username.of(name)).isEmpty()) {
				users.create(Username.of(name), name, Set.of(name.equals("erin") ? Role.ENGINEER : Role.APPROVER),
						"a-long-enough-password", Actor.system("test"));
			}
		}
	}

	@Test
	void holdsEveryVulnerabilityOpenAtSomeTimeInThePeriodJudgedAtItsEnd() throws IOException {
		scenario();

		var rows = csv("2026-07-01", "2026-09-30");

		var items = rows.stream()
			.filter(row -> row.get("record").equals("item"))
			.collect(Collectors.toMap(row -> letter(row.get("finding_id")), row -> row));
		assertThat(items.keySet()).containsExactlyInAnyOrder("A", "A2", "B", "B2", "E", "G", "H");
		assertThat(items.get("A")).containsEntry("fixed", "2026-07-03T00:00:00Z")
			.containsEntry("first_observed", "2026-06-20T00:00:00Z")
			.containsEntry("due", "2026-06-27T00:00:00Z")
			.containsEntry("status", "fixed")
			.containsEntry("within_sla", "no")
			.containsEntry("severity", "HIGH")
			.containsEntry("cve", "CVE-2024-6387")
			.containsEntry("resource_id", "i-0000000000000000a")
			.containsEntry("account", account)
			.containsEntry("sla_days", "7")
			.containsEntry("policy_version", "1");
		assertThat(items.get("A2")).containsEntry("within_sla", "yes").containsEntry("status", "fixed");
		assertThat(items.get("B")).containsEntry("fixed", "")
			.containsEntry("status", "overdue")
			.containsEntry("within_sla", "no");
		assertThat(items.get("B2")).containsEntry("status", "open").containsEntry("within_sla", "yes");
		assertThat(items.get("E")).as("fixed after the period: open at its end")
			.containsEntry("fixed", "")
			.containsEntry("status", "overdue");
		assertThat(items.get("G")).containsEntry("due", "")
			.containsEntry("within_sla", "n/a")
			.containsEntry("deadline", "no deadline: policy v1 sets none for this severity");
		assertThat(items.get("H")).containsEntry("status", "excepted")
			.containsEntry("within_sla", "no")
			.containsEntry("exception_expires_on", "2026-12-31");
		assertThat(items.get("H").get("exception_id")).isNotEmpty();

		var totals = rows.stream()
			.filter(row -> row.get("record").equals("total"))
			.collect(Collectors.toMap(row -> row.get("severity"), row -> row));
		assertThat(totals.keySet()).containsExactlyInAnyOrder("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL",
				"ALL");
		assertThat(counts(totals.get("HIGH"))).containsExactly("5", "2", "3", "2", "3", "0", "0");
		assertThat(counts(totals.get("CRITICAL"))).containsExactly("1", "0", "1", "0", "1", "1", "0");
		assertThat(counts(totals.get("LOW"))).containsExactly("1", "0", "1", "0", "0", "0", "1");
		assertThat(counts(totals.get("MEDIUM"))).containsExactly("0", "0", "0", "0", "0", "0", "0");
		assertThat(counts(totals.get("ALL"))).containsExactly("7", "2", "5", "2", "4", "1", "1");
		assertThat(totals.get("ALL").get("vulnerability_id")).isEmpty();
		assertThat(rows.getLast().get("record")).isEqualTo("total");
	}

	@Test
	void aPeriodUpToTodayGivesEachVulnerabilityTheStatusTheListsGiveIt() throws IOException {
		scenario();

		var rows = csv("2026-01-01", LocalDate.of(2026, 10, 15).toString());

		var reported = rows.stream()
			.filter(row -> row.get("record").equals("item") && row.get("account").equals(account))
			.collect(Collectors.toMap(row -> Long.parseLong(row.get("vulnerability_id")), row -> row.get("status")));
		var listed = vulnerabilities.list(new VulnerabilityFilter(null, null, account, null), 1, 100)
			.items()
			.stream()
			.filter(v -> reported.containsKey(v.id()))
			.collect(Collectors.toMap(Vulnerability::id, v -> v.status().name().toLowerCase(java.util.Locale.ROOT)));
		assertThat(reported).hasSize(listed.size()).isEqualTo(listed);
		for (var status : VulnerabilityStatus.values()) {
			var filtered = vulnerabilities.list(new VulnerabilityFilter(status, null, account, null), 1, 100)
				.items()
				.stream()
				.map(Vulnerability::id)
				.filter(reported::containsKey)
				.collect(Collectors.toSet());
			assertThat(filtered).as(status.name())
				.isEqualTo(reported.entrySet()
					.stream()
					.filter(e -> e.getValue().equals(status.name().toLowerCase(java.util.Locale.ROOT)))
					.map(Map.Entry::getKey)
					.collect(Collectors.toSet()));
		}
	}

	@Test
	void theTotalsAndAPageOfRowsAreThoseOfTheCsv() throws IOException {
		scenario();
		var period = ReportPeriod.parse("2026-07-01", "2026-09-30");
		var out = new StringWriter();
		var csvTotals = report.writeCsv(period, out, rows -> {
		});
		var items = CsvRows.read(out.toString()).stream().filter(row -> row.get("record").equals("item")).toList();

		assertThat(report.totals(period)).isEqualTo(csvTotals);
		assertThat(report.summary(period).policyVersions()).containsExactly(1);
		assertThat(csvTotals.all().items()).isEqualTo(items.size());
		var page = report.rows(period, 1, 3);
		assertThat(page).hasSize(Math.min(3, items.size() - 1));
		for (int i = 0; i < page.size(); i++) {
			var row = page.get(i);
			var line = items.get(i + 1);
			assertThat(String.valueOf(row.vulnerabilityId())).isEqualTo(line.get("vulnerability_id"));
			assertThat(row.status().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(line.get("status"));
			assertThat(row.withinSlaText()).isEqualTo(line.get("within_sla"));
			assertThat(row.fixed() == null ? "" : row.fixed().toString()).isEqualTo(line.get("fixed"));
			assertThat(row.exceptionId() == null ? "" : row.exceptionId().toString())
				.isEqualTo(line.get("exception_id"));
			assertThat(row.deadline()).isEqualTo(line.get("deadline"));
		}
		var excepted = report.rows(period, 0, 10_000)
			.stream()
			.filter(row -> row.accountId().equals(account) && row.severity() == VulnerabilitySeverity.CRITICAL)
			.toList();
		assertThat(excepted).singleElement().satisfies(row -> {
			assertThat(row.excepted()).isTrue();
			assertThat(row.exceptionExpiresOn()).isEqualTo(LocalDate.of(2026, 12, 31));
		});
		assertThat(report.asOf(period)).isEqualTo(period.end());
		assertThat(report.asOf(ReportPeriod.parse("2026-10-01", "2026-12-31"))).isEqualTo(NOW);
	}

	@Test
	void textThatASpreadsheetWouldRunOrThatBreaksCsvIsWrittenSafely() throws IOException {
		account = Fixtures.account();
		var hostile = new ObservedVulnerability(Fixtures.findingArn(account), account, Fixtures.REGION,
				"i-0123456789abcdef0", "AWS_EC2_INSTANCE", Map.of("team", "=HYPERLINK(\"http://evil\")"),
				ObservedVulnerability.VulnerabilityKind.PACKAGE_VULNERABILITY, VulnerabilitySeverity.MEDIUM,
				"@SUM(1,2) \"quoted\", with comma\nand a line", "CVE-2025-0001", List.of(), null, null,
				InspectorState.ACTIVE, Instant.parse("2025-03-01T00:00:00Z"), NOW, NOW);
		intake.observed(List.of(hostile));

		var rows = csv("2025-03-01", "2025-03-31");

		assertThat(rows.getFirst()).containsEntry("title", "'@SUM(1,2) \"quoted\", with comma\nand a line")
			.containsEntry("team", "'=HYPERLINK(\"http://evil\")");
	}

	@Test
	void aBadPeriodIsRefusedByName() {
		assertThatThrownBy(() -> ReportPeriod.parse("2026-07-01", "2026-06-30"))
			.hasMessage("from: 2026-07-01 is after to (2026-06-30)");
		assertThatThrownBy(() -> ReportPeriod.parse("01/07/2026", "2026-06-30"))
			.hasMessage("from: must be a date like 2026-01-31 but was '01/07/2026'");
		assertThatThrownBy(() -> ReportPeriod.parse("2026-07-01", null))
			.hasMessage("to: is required (a date like 2026-01-31)");
	}

	/**
	 * HIGH has 7 days: A open before the period and fixed late in it, A2 fixed in time in
	 * it, B opened in it and overdue at its end, B2 opened late and not yet due, C fixed
	 * before it, D opened after it, E fixed after it, F fixed the moment it began; G is
	 * LOW (no deadline); H CRITICAL, overdue but excepted.
	 */
	private void scenario() {
		if (scenarioAccount != null) {
			account = scenarioAccount;
			return;
		}
		account = Fixtures.account();
		scenarioAccount = account;
		var page = new ArrayList<ObservedVulnerability>();
		page.add(item("A", VulnerabilitySeverity.HIGH, "2026-06-20T00:00:00Z", "2026-07-03T00:00:00Z"));
		page.add(item("A2", VulnerabilitySeverity.HIGH, "2026-06-29T00:00:00Z", "2026-07-02T00:00:00Z"));
		page.add(item("B", VulnerabilitySeverity.HIGH, "2026-08-10T00:00:00Z", null));
		page.add(item("B2", VulnerabilitySeverity.HIGH, "2026-09-28T00:00:00Z", null));
		page.add(item("C", VulnerabilitySeverity.HIGH, "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z"));
		page.add(item("D", VulnerabilitySeverity.HIGH, "2026-10-05T00:00:00Z", null));
		page.add(item("E", VulnerabilitySeverity.HIGH, "2026-06-01T00:00:00Z", "2026-10-10T00:00:00Z"));
		page.add(item("F", VulnerabilitySeverity.HIGH, "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z"));
		page.add(item("G", VulnerabilitySeverity.LOW, "2026-07-15T00:00:00Z", null));
		page.add(item("H", VulnerabilitySeverity.CRITICAL, "2026-09-01T00:00:00Z", null));
		intake.observed(page);
		long h = vulnerabilities
			.list(new VulnerabilityFilter(null, VulnerabilitySeverity.CRITICAL, account, null), 1, 10)
			.items()
			.getFirst()
			.id();
		clock.set("2026-09-03T09:00:00Z");
		var requested = exceptions.request(new RiskAcceptanceRequest(List.of(h), "no vendor fix yet",
				"port closed at the security group", LocalDate.of(2026, 12, 31)), Actor.user("erin"));
		exceptions.approve(requested.id(), null, Actor.user("alice"));
		clock.set(NOW);
	}

	private ObservedVulnerability item(String letter, VulnerabilitySeverity severity, String start,
			@Nullable String fixed) {
		String arn = Fixtures.findingArn(account);
		arns.put(arn, letter);
		Instant started = Instant.parse(start);
		return new ObservedVulnerability(arn, account, Fixtures.REGION,
				"i-" + "0".repeat(17 - letter.length()) + letter.toLowerCase(java.util.Locale.ROOT), "AWS_EC2_INSTANCE",
				Map.of(), ObservedVulnerability.VulnerabilityKind.PACKAGE_VULNERABILITY, severity,
				"CVE-2024-6387 - openssh-server", "CVE-2024-6387", List.of(), 8.1, null,
				fixed == null ? InspectorState.ACTIVE : InspectorState.CLOSED, started, started,
				fixed == null ? started : Instant.parse(fixed));
	}

	private String letter(String findingArn) {
		return arns.getOrDefault(findingArn, "other:" + findingArn);
	}

	private List<Map<String, String>> csv(String from, String to) throws IOException {
		var out = new StringWriter();
		report.writeCsv(ReportPeriod.parse(from, to), out, rows -> {
		});
		var rows = CsvRows.read(out.toString());
		assertThat(CsvRows.parse(out.toString()).getFirst()).isEqualTo(PeriodReport.COLUMNS);
		return rows;
	}

	private static List<String> counts(Map<String, String> total) {
		return List.of(total.get("total_items"), total.get("total_fixed"), total.get("total_open"),
				total.get("total_within_sla"), total.get("total_breached"), total.get("total_breached_excepted"),
				total.get("total_no_deadline"));
	}

}
