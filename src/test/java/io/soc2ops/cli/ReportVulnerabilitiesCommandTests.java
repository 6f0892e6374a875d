package io.soc2ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.PeriodReport;
import io.soc2ops.vulnerabilities.VulnerabilityIntake;

/**
 * {@code soc2ops report vulnerabilities --from --to} as an auditor runs it, against the
 * database a running soc2ops wrote: the CSV on standard output and nothing else there,
 * progress and errors on standard error, and an exit code a script can check.
 */
class ReportVulnerabilitiesCommandTests {

	static final String DATABASE = "cli_report_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	static ConfigurableApplicationContext soc2ops;

	@BeforeAll
	static void aServerWithVulnerabilities() {
		soc2ops = new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run(TestDatabases.sharedDatabase(DATABASE).toArray(String[]::new));
		var intake = soc2ops.getBean(VulnerabilityIntake.class);
		intake.observed(List.of(observed("i-00000000000000001", "2026-03-01T00:00:00Z", null),
				observed("i-00000000000000002", "2026-01-10T00:00:00Z", "2026-02-01T00:00:00Z"),
				observed("i-00000000000000003", "2026-05-01T00:00:00Z", null)));
	}

	@AfterAll
	static void stop() {
		soc2ops.close();
	}

	@Test
	void writesTheReportAsCsvToStandardOutputAndTheSummaryToStandardError() {
		var result = run("report", "vulnerabilities", "--from", "2026-02-15", "--to", "2026-03-31");

		assertThat(result.code()).isZero();
		var lines = result.out().split("\r\n");
		assertThat(lines[0]).isEqualTo(String.join(",", PeriodReport.COLUMNS));
		assertThat(lines).filteredOn(line -> line.startsWith("item,")).singleElement().satisfies(line -> {
			assertThat(line).contains(",i-00000000000000001,AwsEc2Instance,111122223333,ap-northeast-1,")
				.contains(",2026-03-01T00:00:00Z,");
		});
		assertThat(lines).filteredOn(line -> line.startsWith("total,")).hasSize(6);
		assertThat(lines[lines.length - 1]).startsWith("total,").contains(",ALL,");
		assertThat(result.err()).contains("Vulnerabilities from 2026-02-15 to 2026-03-31: 1 (0 fixed, 1 open;");
	}

	@Test
	void aBadPeriodIsRefusedOnStandardErrorWithNothingOnStandardOutput() {
		var backwards = run("report", "vulnerabilities", "--from", "2026-04-01", "--to", "2026-03-01");
		var notADate = run("report", "vulnerabilities", "--from", "2026-04-01", "--to", "31/03/2026");
		var missing = run("report", "vulnerabilities", "--to", "2026-03-01");

		assertThat(backwards.code()).isEqualTo(1);
		assertThat(backwards.out()).isEmpty();
		assertThat(backwards.err())
			.isEqualTo("Refused: --from: 2026-04-01 is after to (2026-03-01). Nothing was written.\n");
		assertThat(notADate.code()).isEqualTo(1);
		assertThat(notADate.err()).contains("--to: must be a date like 2026-01-31 but was '31/03/2026'");
		assertThat(missing.err()).contains("--from: is required");
	}

	private static Result run(String... command) {
		var out = new StringWriter();
		var err = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(err));
		var arguments = new ArrayList<>(List.of(command));
		arguments.addAll(TestDatabases.sharedDatabase(DATABASE));
		int code = cli.execute(arguments.toArray(String[]::new));
		return new Result(code, out.toString(), err.toString());
	}

	private static ObservedVulnerability observed(String instance, String start, String fixed) {
		Instant started = Instant.parse(start);
		return new ObservedVulnerability(
				"arn:aws:inspector2:ap-northeast-1:111122223333:finding/" + instance.substring(2) + "cli",
				"111122223333", "ap-northeast-1", instance, "AWS_EC2_INSTANCE", Map.of(),
				VulnerabilityKind.PACKAGE_VULNERABILITY, VulnerabilitySeverity.HIGH, "CVE-2024-6387 - openssh-server",
				"CVE-2024-6387", List.of(), 8.1, null, fixed == null ? InspectorState.ACTIVE : InspectorState.CLOSED,
				started, started, fixed == null ? started : Instant.parse(fixed));
	}

	record Result(int code, String out, String err) {
	}

}
