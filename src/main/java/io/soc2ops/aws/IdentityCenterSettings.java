package io.soc2ops.aws;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * IAM Identity Center ({@code soc2ops.aws.identity-center.*}): read once per collection
 * for the whole Organization with the installation's own credentials, which must be the
 * management account's or a delegated administrator's. Off by default.
 *
 * @param enabled whether collections read Identity Center
 * @param region the Region of the Identity Center instance; the home Region when not set
 * @param instanceArn the instance to read when {@code ListInstances} lists more than one;
 * the first otherwise
 * @param pageSize {@code MaxResults} per page of every list (AWS allows 1-100)
 * @param manageAssignments whether soc2ops may create and delete account assignments (it
 * needs soc2ops-identity-center-write-policy.json); read-only when false
 * @param assignmentWait how long to wait for AWS to finish an assignment change
 * @param assignmentPoll the wait between two status calls while it is in progress
 */
@ConfigurationProperties("soc2ops.aws.identity-center")
record IdentityCenterSettings(@DefaultValue("false") boolean enabled, @Nullable Region region,
		@Nullable String instanceArn, @DefaultValue("100") int pageSize,
		@DefaultValue("false") boolean manageAssignments, @DefaultValue("5m") Duration assignmentWait,
		@DefaultValue("2s") Duration assignmentPoll) {

	static final Pattern INSTANCE_ARN = Pattern.compile("arn:aws[a-z-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");

	IdentityCenterSettings {
		if (instanceArn != null && instanceArn.isBlank()) {
			instanceArn = null;
		}
		if (instanceArn != null && !INSTANCE_ARN.matcher(instanceArn).matches()) {
			throw new IllegalArgumentException("soc2ops.aws.identity-center.instance-arn: '" + instanceArn
					+ "' is not an Identity Center instance ARN (arn:aws:sso:::instance/ssoins-...)");
		}
		if (pageSize < 1 || pageSize > 100) {
			throw new IllegalArgumentException(
					"soc2ops.aws.identity-center.page-size: must be 1-100 but was " + pageSize);
		}
		if (!assignmentWait.isPositive()) {
			throw new IllegalArgumentException("soc2ops.aws.identity-center.assignment-wait: must be positive");
		}
		if (!assignmentPoll.isPositive()) {
			throw new IllegalArgumentException("soc2ops.aws.identity-center.assignment-poll: must be positive");
		}
	}

	/** Where Identity Center is called: its Region, else the home Region. */
	Region regionOr(Region home) {
		return region != null ? region : home;
	}

}
