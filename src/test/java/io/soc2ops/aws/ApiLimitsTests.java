package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;

/**
 * Every call, each page of a paginated one included, takes a token from the bucket of its
 * API in its account and Region, at AWS's published rate for that API.
 */
class ApiLimitsTests {

	static final String MANAGEMENT = "111111111111";

	static final String PRODUCTION = "222222222222";

	static final LocalAws aws = LocalAws.start();

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void eachApiInEachAccountAndRegionHasItsOwnBucketAtItsOwnRate() {
		aws.organization(MANAGEMENT, PRODUCTION)
			.findings(PRODUCTION, "ap-northeast-1",
					SampleFindings.s3Buckets(PRODUCTION, "ap-northeast-1", 3, Instant.now()));
		var defaults = new AwsSettings.RateLimits(3, 10, 5, 1, 10, 8);
		var base = LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.ORGANIZATION, "ap-northeast-1");
		var settings = new AwsSettings(true, base.mode(), base.regions(), null, base.roleName(), null, base.endpoint(),
				1, Duration.ofDays(90), 3, base.timeouts(), defaults, base.collectEvery(), base.checkDailyAt());
		var limits = new ApiLimits(defaults);
		var target = new AccountRegion(new AccountId(PRODUCTION), new Region("ap-northeast-1"));

		try (var clients = new AwsClients(settings, LocalSettings.credentials(MANAGEMENT), limits)) {
			var scope = new Scope(clients);
			var reads = new SecurityHubReads(clients);
			assertThat(scope.accounts()).extracting(AccountId::value).containsExactly(MANAGEMENT, PRODUCTION);
			clients.sts(target).getCallerIdentity();
			reads.enabledStandards(target);
			reads.findings(target, Instant.EPOCH, Instant.now(), 1).forEach(List::size);
		}

		assertThat(limits.buckets())
			.containsExactlyInAnyOrderEntriesOf(Map.of("Organizations:ListAccounts@organization", 1.0,
					"Sts:AssumeRole@caller/ap-northeast-1", 10.0, "Sts:GetCallerIdentity@222222222222/ap-northeast-1",
					10.0, "SecurityHub:GetEnabledStandards@222222222222/ap-northeast-1", 10.0,
					"SecurityHub:GetFindings@222222222222/ap-northeast-1", 3.0));
		assertThat(aws.calls("GetFindings")).hasSize(3);
	}

}
