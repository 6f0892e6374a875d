package io.soc2ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;

/**
 * {@code soc2ops aws check} and {@code soc2ops aws collect} against the local AWS
 * endpoint, with credentials from the default chain as an operator's shell would have
 * them.
 */
class AwsCommandTests {

	static final String ACCOUNT = "123456789012";

	final String url = "jdbc:h2:mem:aws-cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	LocalAws aws;

	@BeforeEach
	void localAws() {
		aws = LocalAws.start();
		aws.standards(ACCOUNT, "ap-northeast-1", LocalAws.FSBP, LocalAws.CIS)
			.findings(ACCOUNT, "ap-northeast-1",
					SampleFindings.s3Buckets(ACCOUNT, "ap-northeast-1", 3, Instant.parse("2026-11-27T10:00:00Z")));
		System.setProperty("aws.accessKeyId", LocalAws.accessKeyId(ACCOUNT));
		System.setProperty("aws.secretAccessKey", LocalAws.SECRET);
	}

	@AfterEach
	void stop() {
		System.clearProperty("aws.accessKeyId");
		System.clearProperty("aws.secretAccessKey");
		aws.close();
	}

	@Test
	void checkSaysWhichCallsWorkPerAccountAndRegion() {
		var result = run("aws", "check");

		assertThat(result.code()).isZero();
		assertThat(result.out()).contains(ACCOUNT + " ap-northeast-1")
			.contains("OK")
			.endsWith("All 1 account-regions work.\n");
	}

	@Test
	void collectStoresTheFindingsAndTheSecondRunFindsNothingNew() {
		var first = run("aws", "collect");
		var second = run("aws", "collect");

		assertThat(first.code()).isZero();
		assertThat(first.out()).contains("Collected 3 findings (3 new). Standards: PASSED");
		assertThat(second.out()).contains("(0 new)");
	}

	@Test
	void aCommandNeverStartsScheduledWorkEvenWhenAskedTo() {
		var result = run("aws", "collect", "--soc2ops.schedule.enabled=true");

		assertThat(result.code()).isZero();
		var database = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
		assertThat(database.sql("SELECT COUNT(*) FROM scheduled_tasks").query(Long.class).single())
			.as("tasks scheduled")
			.isZero();
		assertThat(database.sql("SELECT COUNT(*) FROM schedule_run").query(Long.class).single()).as("scheduled runs")
			.isZero();
	}

	@Test
	void withoutAwsConfiguredItSaysSo() {
		var out = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));

		int code = cli.execute("aws", "check", "--" + TestDatabases.KEEP_DATASOURCE + "=true",
				"--spring.datasource.url=" + url, "--soc2ops.data-dir=target/test-data");

		assertThat(code).isEqualTo(2);
		assertThat(out.toString()).startsWith("AWS is not connected");
	}

	private Result run(String... args) {
		var out = new StringWriter();
		var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
		cli.setOut(new PrintWriter(out));
		String[] all = new String[args.length + 6];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--" + TestDatabases.KEEP_DATASOURCE + "=true";
		all[args.length + 1] = "--spring.datasource.url=" + url;
		all[args.length + 2] = "--soc2ops.data-dir=target/test-data";
		all[args.length + 3] = "--soc2ops.aws.enabled=true";
		all[args.length + 4] = "--soc2ops.aws.regions=ap-northeast-1";
		all[args.length + 5] = "--soc2ops.aws.endpoint=" + aws.endpoint();
		return new Result(cli.execute(all), out.toString());
	}

	record Result(int code, String out) {
	}

}
