package io.soc2ops.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.vulnerabilities.PeriodReport;
import io.soc2ops.vulnerabilities.PolicyVersions;
import io.soc2ops.vulnerabilities.ReportPeriod;
import io.soc2ops.vulnerabilities.Vulnerabilities;
import io.soc2ops.vulnerabilities.VulnerabilityFile;
import io.soc2ops.vulnerabilities.VulnerabilityFilter;
import io.soc2ops.vulnerabilities.VulnerabilityPage;
import io.soc2ops.vulnerabilities.VulnerabilityStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Vulnerabilities for programs and auditors: lists, one with its history, the counts per
 * status, the policy versions, and the period report as CSV. Every role reads them.
 */
@RestController
@RequestMapping("/api/v1/vulnerabilities")
@Tag(name = "Vulnerabilities",
		description = "Inspector findings under the approved SLA policy: deadlines, breaches, exceptions, period report")
class VulnerabilitiesApi {

	private final Vulnerabilities vulnerabilities;

	private final PeriodReport report;

	VulnerabilitiesApi(Vulnerabilities vulnerabilities, PeriodReport report) {
		this.vulnerabilities = vulnerabilities;
		this.report = report;
	}

	@GetMapping
	@Operation(summary = "Vulnerabilities, most urgent first (earliest due); every filter is optional")
	VulnerabilityPage list(
			@Parameter(description = "OPEN, OVERDUE, EXCEPTED or FIXED, as of now") @RequestParam(
					required = false) @Nullable String status,
			@Parameter(description = "CRITICAL, HIGH, MEDIUM, LOW or INFORMATIONAL") @RequestParam(
					required = false) @Nullable String severity,
			@Parameter(description = "12-digit AWS account ID") @RequestParam(
					required = false) @Nullable String account,
			@Parameter(description = "the resources' team tag") @RequestParam(required = false) @Nullable String team,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
		return vulnerabilities.list(VulnerabilityFilter.of(status, severity, account, team), page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One vulnerability with its history and the exceptions asked for it")
	VulnerabilityFile one(@PathVariable String id) {
		return id(id).flatMap(vulnerabilities::find).orElseThrow(() -> NotFound.of("no vulnerability " + id));
	}

	@GetMapping("/counts")
	@Operation(summary = "How many vulnerabilities are open, overdue, excepted and fixed now")
	Map<VulnerabilityStatus, Long> counts() {
		return vulnerabilities.counts();
	}

	@GetMapping("/policies")
	@Operation(summary = "The policy version in force and every approved version soc2ops was told of")
	PolicyVersions policies() {
		return vulnerabilities.policies();
	}

	/**
	 * Streams the report: rows are written as the database returns them, so a bad period
	 * is refused (400) before the first byte.
	 */
	@GetMapping("/report.csv")
	@Operation(summary = "The period report as CSV: every vulnerability open at some time from `from` to `to`"
			+ " (both days, UTC), then a `total` row per severity and one for ALL (see README)")
	void report(
			@Parameter(description = "first day, e.g. 2026-01-01") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "last day, e.g. 2026-06-30") @RequestParam(required = false) @Nullable String to,
			HttpServletResponse response) throws IOException {
		var period = ReportPeriod.parse(from, to);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"vulnerabilities-" + period.from() + "-" + period.to() + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		report.writeCsv(period, out, written -> {
		});
		out.flush();
	}

	private static Optional<Long> id(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
