package io.soc2ops.aws;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How soc2ops reaches AWS ({@code soc2ops.aws.*}). Off by default: the demo and anything
 * run without AWS never call it.
 *
 * @param enabled whether soc2ops calls AWS at all
 * @param mode one account with the default credential chain, or every active account of
 * an Organization through a read-only role
 * @param regions the Regions in scope, such as {@code ap-northeast-1,ap-northeast-3}; at
 * least one when enabled
 * @param aggregationRegion the Security Hub cross-Region aggregation (home) Region; when
 * set, findings are collected there only, since it holds the linked Regions' findings.
 * Standards are still checked in every Region in scope
 * @param roleName in ORGANIZATION mode, the read-only role assumed in every account
 * ({@code arn:aws:iam::<account>:role/<roleName>})
 * @param externalId the external ID the role's trust policy requires, if any
 * @param endpoint one URL for every AWS API instead of AWS's own (a local endpoint for
 * tests and benchmarks)
 * @param pageSize findings per {@code GetFindings} and {@code GetFindingsV2} page (AWS
 * allows 1-100 for {@code GetFindings})
 * @param firstSyncLookback how far back the first collection of an account and Region
 * reaches (Security Hub keeps findings for 90 days after their last update)
 * @param maxAttempts attempts per call under the SDK's adaptive retry, the first included
 * @param timeouts how long a connection, a read, one attempt and one call may take
 * @param rateLimits requests per second per API
 * @param collectEvery how long after a Security Hub collection ends the next one starts
 * (on an instance with {@code soc2ops.schedule.enabled})
 * @param checkDailyAt the time of day (UTC) of the daily connection check
 */
@ConfigurationProperties("soc2ops.aws")
record AwsSettings(@DefaultValue("false") boolean enabled, @DefaultValue("SINGLE_ACCOUNT") Mode mode,
		@DefaultValue List<Region> regions, @Nullable Region aggregationRegion,
		@DefaultValue("soc2ops-readonly") String roleName, @Nullable String externalId, @Nullable URI endpoint,
		@DefaultValue("100") int pageSize, @DefaultValue("90d") Duration firstSyncLookback,
		@DefaultValue("5") int maxAttempts, @DefaultValue Timeouts timeouts, @DefaultValue RateLimits rateLimits,
		@DefaultValue("PT1H") Duration collectEvery, @DefaultValue("05:00") LocalTime checkDailyAt) {

	private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

	private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

	AwsSettings {
		regions = List.copyOf(regions);
		if (enabled && regions.isEmpty()) {
			throw new IllegalArgumentException(
					"soc2ops.aws.regions: name at least one Region in scope (like ap-northeast-1) when AWS is enabled");
		}
		if (!ROLE_NAME.matcher(roleName).matches()) {
			throw new IllegalArgumentException("soc2ops.aws.role-name: '" + roleName + "' is not an IAM role name");
		}
		if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
			throw new IllegalArgumentException(
					"soc2ops.aws.external-id: must be 2-1224 letters, digits or +=,.@:/- characters");
		}
		if (pageSize < 1 || pageSize > 100) {
			throw new IllegalArgumentException("soc2ops.aws.page-size: must be 1-100 but was " + pageSize);
		}
		if (maxAttempts < 1 || maxAttempts > 20) {
			throw new IllegalArgumentException("soc2ops.aws.max-attempts: must be 1-20 but was " + maxAttempts);
		}
		if (firstSyncLookback.isNegative() || firstSyncLookback.isZero()) {
			throw new IllegalArgumentException("soc2ops.aws.first-sync-lookback: must be positive");
		}
		if (collectEvery.isNegative() || collectEvery.isZero()) {
			throw new IllegalArgumentException("soc2ops.aws.collect-every: must be positive");
		}
	}

	/** Where the STS calls of this installation go: the home Region, else the first. */
	Region homeRegion() {
		return aggregationRegion != null ? aggregationRegion : regions.getFirst();
	}

	/** The Regions findings are collected from. */
	List<Region> findingsRegions() {
		return aggregationRegion != null ? List.of(aggregationRegion) : regions;
	}

	String roleArn(AccountId account) {
		return "arn:aws:iam::" + account.value() + ":role/" + roleName;
	}

	enum Mode {

		/**
		 * The account of the default credential chain (environment, profile, instance
		 * role).
		 */
		SINGLE_ACCOUNT,
		/**
		 * Every active account the Organization lists, through {@code roleName} in each;
		 * the default credentials belong to the management or a delegated administrator
		 * account.
		 */
		ORGANIZATION

	}

	/**
	 * @param connect to open a connection
	 * @param read between two reads of a response
	 * @param attempt one HTTP attempt; a hung call ends after this and is retried
	 * @param call one API call with all its retries
	 */
	record Timeouts(@DefaultValue("5s") Duration connect, @DefaultValue("30s") Duration read,
			@DefaultValue("30s") Duration attempt, @DefaultValue("2m") Duration call) {

	}

	/**
	 * Requests per second, per account and Region for the regional APIs. A limit allows
	 * bursts of one second's worth. The defaults stay within AWS's published quotas:
	 * Security Hub allows {@code GetFindings} 3 per second (burst 6) and its other
	 * operations 10 (burst 30).
	 *
	 * @param getFindings Security Hub {@code GetFindings}, and {@code GetFindingsV2}
	 * (each its own bucket at this rate)
	 * @param securityHub every other Security Hub operation
	 * @param inspector Amazon Inspector {@code ListFindings} and
	 * {@code BatchGetAccountStatus} (each its own bucket at this rate). Inspector
	 * publishes no request rate for them; where it throttles
	 * ({@code ThrottlingException}, HTTP 429) the adaptive retry slows down
	 * @param organizations Organizations {@code ListAccounts}, for the whole organization
	 * @param sts STS {@code AssumeRole} and {@code GetCallerIdentity}
	 * @param maxConcurrency account-Regions worked on at the same time
	 */
	record RateLimits(@DefaultValue("3") double getFindings, @DefaultValue("10") double securityHub,
			@DefaultValue("5") double inspector, @DefaultValue("1") double organizations,
			@DefaultValue("10") double sts, @DefaultValue("8") int maxConcurrency) {

		RateLimits {
			for (double rate : new double[] { getFindings, securityHub, inspector, organizations, sts }) {
				if (!(rate > 0)) {
					throw new IllegalArgumentException("soc2ops.aws.rate-limits: every rate must be positive");
				}
			}
			if (maxConcurrency < 1) {
				throw new IllegalArgumentException("soc2ops.aws.rate-limits.max-concurrency: must be at least 1");
			}
		}

	}

}
