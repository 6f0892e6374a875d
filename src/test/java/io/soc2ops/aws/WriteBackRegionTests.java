package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.soc2ops.alerting.FindingWorkflowUpdate;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.findings.FindingKey;

/**
 * Who writes a member's finding back, and where: the installation's own principal (in an
 * Organization, the Security Hub administrator), never the read-only role assumed in the
 * member; in the aggregation Region when there is one, else in the finding's Region.
 */
class WriteBackRegionTests {

	static final String ADMINISTRATOR = "111111111111";

	static final String MEMBER = "222222222222";

	static final LocalAws aws = LocalAws.start();

	AwsClients clients;

	@AfterEach
	void reset() {
		if (clients != null) {
			clients.close();
		}
		aws.reset();
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void withAnAggregationRegionTheAdministratorWritesThere() {
		var writes = writes(aggregatedIn("ap-northeast-1"));
		var update = update("ap-northeast-3", "arn:aws:securityhub:ap-northeast-3::product/aws/guardduty");

		var region = writes.regionFor(update);
		var unprocessed = writes.updateWorkflow(update, region);

		assertThat(region).isEqualTo(new Region("ap-northeast-1"));
		assertThat(unprocessed).isEmpty();
		assertThat(aws.calls("BatchUpdateFindings")).singleElement().satisfies(call -> {
			assertThat(call.region()).isEqualTo("ap-northeast-1");
			assertThat(call.account()).isEqualTo(ADMINISTRATOR);
			assertThat(call.accessKeyId()).isEqualTo(LocalAws.accessKeyId(ADMINISTRATOR));
		});
		assertThat(aws.calls("AssumeRole")).as("no role assumed in the member").isEmpty();
	}

	@Test
	void withoutOneTheFindingsOwnRegionIsUsed() {
		var writes = writes(LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.ORGANIZATION, "ap-northeast-1"));

		assertThat(
				writes.regionFor(update("ap-northeast-3", "arn:aws:securityhub:ap-northeast-3::product/aws/guardduty")))
			.isEqualTo(new Region("ap-northeast-3"));
		assertThat(writes.regionFor(update("global", "arn:aws:securityhub:eu-west-1::product/aws/guardduty")))
			.as("a finding without a Region of its own: the one in its product ARN")
			.isEqualTo(new Region("eu-west-1"));
		assertThat(writes.regionFor(update("global", "arn:aws:securityhub:::product/example/scanner")))
			.as("nor there: the home Region")
			.isEqualTo(new Region("ap-northeast-1"));
	}

	private SecurityHubWrites writes(AwsSettings settings) {
		clients = new AwsClients(settings, LocalSettings.credentials(ADMINISTRATOR));
		return new SecurityHubWrites(clients);
	}

	private AwsSettings aggregatedIn(String region) {
		var base = LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.ORGANIZATION, "ap-northeast-1",
				"ap-northeast-3");
		return new AwsSettings(true, base.mode(), List.of(new Region("ap-northeast-1"), new Region("ap-northeast-3")),
				new Region(region), base.roleName(), null, base.endpoint(), base.pageSize(), base.firstSyncLookback(),
				base.maxAttempts(), base.timeouts(), base.rateLimits(), base.collectEvery(), base.checkDailyAt());
	}

	private static FindingWorkflowUpdate update(String region, String productArn) {
		return new FindingWorkflowUpdate("a1",
				new FindingKey("arn:aws:guardduty:" + region + ":" + MEMBER + ":detector/abc/finding/f1", productArn),
				MEMBER, region, FindingWorkflowUpdate.Status.NOTIFIED, "soc2ops alert a1", "soc2ops");
	}

}
