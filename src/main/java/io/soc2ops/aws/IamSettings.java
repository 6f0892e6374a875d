package io.soc2ops.aws;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The IAM inventory ({@code soc2ops.aws.iam.*}): in every collection, each account's IAM
 * users, groups, roles and managed policies ({@code GetAccountAuthorizationDetails}) and
 * its credential report. On by default once AWS is enabled; it needs the {@code ReadIam}
 * statement of soc2ops-readonly-policy.json in every account's role.
 *
 * @param enabled whether collections read IAM
 * @param credentialReport whether they also fetch each account's credential report
 * @param pageSize {@code MaxItems} per {@code GetAccountAuthorizationDetails} page (AWS
 * allows 1-1000)
 * @param reportWait how long to wait for IAM to finish generating a credential report
 * @param reportBackoff the wait between two {@code GenerateCredentialReport} calls,
 * doubled each time (at most 30 seconds)
 */
@ConfigurationProperties("soc2ops.aws.iam")
record IamSettings(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean credentialReport,
		@DefaultValue("100") int pageSize, @DefaultValue("2m") Duration reportWait,
		@DefaultValue("2s") Duration reportBackoff) {

	IamSettings {
		if (pageSize < 1 || pageSize > 1000) {
			throw new IllegalArgumentException("soc2ops.aws.iam.page-size: must be 1-1000 but was " + pageSize);
		}
		if (!reportWait.isPositive()) {
			throw new IllegalArgumentException("soc2ops.aws.iam.report-wait: must be positive");
		}
		if (!reportBackoff.isPositive()) {
			throw new IllegalArgumentException("soc2ops.aws.iam.report-backoff: must be positive");
		}
	}

}
