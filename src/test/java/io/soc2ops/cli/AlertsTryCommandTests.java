package io.soc2ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.alerting.AlertRuleDraft;
import io.soc2ops.alerting.AlertRules;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.Severity;

/**
 * {@code soc2ops alerts try FILE} against the rules another soc2ops process stored: what
 * each rule does with each finding, why not, and an exit code a script can check.
 */
class AlertsTryCommandTests {

	final String url = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@TempDir
	Path dir;

	@Test
	void printsEachRulesVerdictAndWhyNot() throws Exception {
		try (var soc2ops = server()) {
			rule(soc2ops, "medium-and-up", "{\"source\": [\"aws.securityhub\"]}", Severity.MEDIUM);
			rule(soc2ops, "inspector", "{\"detail\": {\"findings\": {\"ProductFields\": "
					+ "{\"aws/securityhub/ProductName\": [\"Inspector\"]}}}}", Severity.INFORMATIONAL);

			var result = tryIt(event());

			assertThat(result.code()).isZero();
			assertThat(result.output()).isEqualTo(
					"""
							Finding 1 of 1: arn:aws:securityhub:us-east-1:111111111111:subscription/cis-aws-foundations-benchmark/v/1.2.0/1.3/finding/6e842abe-6cbf-4bc1-aa55-3b2ae63aabd6 (MEDIUM)
							  inspector: no match
							    detail.findings.ProductFields.aws/securityhub/ProductName: the event has "Security Hub"; the pattern wants ["Inspector"]
							  medium-and-up: raises an alert
							""");
		}
	}

	@Test
	void exitsWithOneWhenNoRuleRaisesAnAlert() throws Exception {
		try (var soc2ops = server()) {
			rule(soc2ops, "critical-only", "{\"source\": [\"aws.securityhub\"]}", Severity.CRITICAL);

			var result = tryIt(event());

			assertThat(result.code()).isEqualTo(1);
			assertThat(result.output())
				.contains("critical-only: matches, but the finding is below the rule's severity floor");
		}
	}

	@Test
	void aFileThatIsNotAnEventIsNamed() throws Exception {
		try (var soc2ops = server()) {
			var file = dir.resolve("broken.json");
			Files.writeString(file, "{\"source\": ");

			var result = tryIt(file);

			assertThat(result.code()).isEqualTo(2);
			assertThat(result.output()).startsWith("broken.json: event: not valid JSON");
		}
	}

	private Path event() throws Exception {
		var file = dir.resolve("event.json");
		Files.writeString(file, new ClassPathResource("findings/securityhub-imported-event.json")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		return file;
	}

	private static void rule(ConfigurableApplicationContext soc2ops, String name, String pattern, Severity floor) {
		soc2ops.getBean(AlertRules.class)
			.create(new AlertRuleDraft(name, pattern, floor, List.of(), true), Actor.system("test"));
	}

	private ConfigurableApplicationContext server() {
		return new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run("--" + TestDatabases.KEEP_DATASOURCE + "=true", "--spring.datasource.url=" + url,
					"--soc2ops.data-dir=target/test-data");
	}

	private Result tryIt(Path file) {
		var out = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));
		int code = cli.execute("alerts", "try", file.toString(), "--" + TestDatabases.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + url, "--soc2ops.data-dir=target/test-data");
		return new Result(code, out.toString());
	}

	record Result(int code, String output) {
	}

}
