package io.soc2ops.aws;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds and keeps the SDK clients: one HTTP client (the JDK's URL connection) shared by
 * all, adaptive retry, timeouts, the rate limits, and the credentials of each account —
 * the default chain, or in ORGANIZATION mode the read-only role assumed from it. Nothing
 * is built until first used, so a disabled installation never touches the SDK's
 * credential chain. SDK types stay inside this module.
 */
final class AwsClients implements AutoCloseable {

	/** The name AWS records for soc2ops's sessions in the member accounts' CloudTrail. */
	static final String SESSION_NAME = "soc2ops";

	private final AwsSettings settings;

	private final @Nullable AwsCredentialsProvider givenCredentials;

	private final ApiLimits limits;

	private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();

	private volatile @Nullable SdkHttpClient http;

	/** Apache's HTTP client, for the calls sent as PATCH; built only for them. */
	private volatile @Nullable SdkHttpClient patchHttp;

	/**
	 * Times the calls out for every client. Left to itself, the SDK gives each client a
	 * pool of five platform threads: with a client per account-Region, an Organization of
	 * 100 accounts in 17 Regions would start thousands of threads.
	 */
	private final ScheduledThreadPoolExecutor timeouts = timeouts();

	/** The default chain, when soc2ops built it (and so closes it). */
	private volatile @Nullable DefaultCredentialsProvider base;

	/**
	 * @param credentials the installation's own credentials; when absent, the SDK's
	 * default chain, built on first use
	 */
	AwsClients(AwsSettings settings, @Nullable AwsCredentialsProvider credentials) {
		this(settings, credentials, new ApiLimits(settings.rateLimits()));
	}

	AwsClients(AwsSettings settings, @Nullable AwsCredentialsProvider credentials, ApiLimits limits) {
		this.settings = settings;
		this.givenCredentials = credentials;
		this.limits = limits;
	}

	AwsSettings settings() {
		return settings;
	}

	/** The rate buckets, one per API called: which calls were made. */
	ApiLimits limits() {
		return limits;
	}

	/** STS with the installation's own credentials. */
	StsClient sts() {
		var credentials = baseCredentials();
		return cached("sts@caller", () -> configure(StsClient.builder(), "caller/" + settings.homeRegion(),
				settings.homeRegion(), credentials)
			.build());
	}

	/**
	 * STS in a Region with an account's credentials (the assumed role's in ORGANIZATION
	 * mode).
	 */
	StsClient sts(AccountRegion target) {
		var credentials = credentials(target.account());
		return cached("sts@" + target,
				() -> configure(StsClient.builder(), target.toString(), target.region(), credentials).build());
	}

	OrganizationsClient organizations() {
		var credentials = baseCredentials();
		return cached("organizations", () -> configure(OrganizationsClient.builder(), "organization",
				software.amazon.awssdk.regions.Region.AWS_GLOBAL, credentials)
			.build());
	}

	SecurityHubClient securityHub(AccountRegion target) {
		var credentials = credentials(target.account());
		return cached("securityhub@" + target,
				() -> configure(SecurityHubClient.builder(), target.toString(), target.region(), credentials).build());
	}

	/** Amazon Inspector in a Region with an account's credentials. */
	Inspector2Client inspector(AccountRegion target) {
		var credentials = credentials(target.account());
		return cached("inspector2@" + target,
				() -> configure(Inspector2Client.builder(), target.toString(), target.region(), credentials).build());
	}

	/**
	 * IAM with an account's credentials (the assumed role's in ORGANIZATION mode). IAM is
	 * global and its calls are signed for us-east-1; naming that Region (rather than
	 * aws-global) signs them so with an endpoint override too.
	 */
	IamClient iam(AccountId account) {
		var credentials = credentials(account);
		return cached("iam@" + account, () -> configure(IamClient.builder(), account + "/global",
				software.amazon.awssdk.regions.Region.US_EAST_1, credentials)
			.build());
	}

	/**
	 * IAM Identity Center's administration API in its Region with the installation's own
	 * credentials: those of the management or delegated administrator account.
	 */
	SsoAdminClient ssoAdmin(Region region) {
		var credentials = baseCredentials();
		return cached("sso-admin@" + region,
				() -> configure(SsoAdminClient.builder(), "identity-center/" + region, region, credentials).build());
	}

	/**
	 * The Identity Center identity store in its Region with the installation's own
	 * credentials.
	 */
	IdentitystoreClient identityStore(Region region) {
		var credentials = baseCredentials();
		return cached("identitystore@" + region,
				() -> configure(IdentitystoreClient.builder(), "identity-center/" + region, region, credentials)
					.build());
	}

	/**
	 * Security Hub in a Region with the installation's own credentials, never an assumed
	 * role: in ORGANIZATION mode those of the management or delegated administrator
	 * account, which as the Security Hub administrator may update its members' findings.
	 * Its HTTP client is Apache's: {@code BatchUpdateFindings} is sent as PATCH, which
	 * the JDK's URL connection refuses ("Invalid HTTP method: PATCH").
	 */
	SecurityHubClient ownSecurityHub(Region region) {
		var credentials = baseCredentials();
		return cached("securityhub@caller/" + region, () -> configure(SecurityHubClient.builder(), patchHttp(),
				"caller/" + region, software.amazon.awssdk.regions.Region.of(region.code()), credentials)
			.build());
	}

	/**
	 * SQS in the queue's Region with the installation's own credentials: the queue lives
	 * in soc2ops's account.
	 */
	SqsClient sqs(Region region) {
		var credentials = baseCredentials();
		return cached("sqs@" + region,
				() -> configure(SqsClient.builder(), "queue/" + region, region, credentials).build());
	}

	private AwsCredentialsProvider credentials(AccountId account) {
		if (settings.mode() == AwsSettings.Mode.SINGLE_ACCOUNT) {
			return baseCredentials();
		}
		var sts = sts();
		var role = AssumeRoleRequest.builder().roleArn(settings.roleArn(account)).roleSessionName(SESSION_NAME);
		if (settings.externalId() != null) {
			role.externalId(settings.externalId());
		}
		var request = role.build();
		return cached("role@" + account,
				() -> StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(request).build());
	}

	/**
	 * Resolves an account's credentials now — in ORGANIZATION mode, assumes its read-only
	 * role — so a refusal is told apart from the call that would have needed it.
	 */
	void assumeRole(AccountId account) {
		credentials(account).resolveCredentials();
	}

	private AwsCredentialsProvider baseCredentials() {
		if (givenCredentials != null) {
			return givenCredentials;
		}
		var provider = base;
		if (provider == null) {
			synchronized (this) {
				provider = base;
				if (provider == null) {
					provider = DefaultCredentialsProvider.builder().build();
					base = provider;
				}
			}
		}
		return provider;
	}

	private SdkHttpClient http() {
		var client = http;
		if (client == null) {
			synchronized (this) {
				client = http;
				if (client == null) {
					client = UrlConnectionHttpClient.builder()
						.connectionTimeout(settings.timeouts().connect())
						.socketTimeout(settings.timeouts().read())
						.build();
					http = client;
				}
			}
		}
		return client;
	}

	private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String scope,
			Region region, AwsCredentialsProvider credentials) {
		return configure(builder, scope, software.amazon.awssdk.regions.Region.of(region.code()), credentials);
	}

	private SdkHttpClient patchHttp() {
		var client = patchHttp;
		if (client == null) {
			synchronized (this) {
				client = patchHttp;
				if (client == null) {
					client = ApacheHttpClient.builder()
						.connectionTimeout(settings.timeouts().connect())
						.socketTimeout(settings.timeouts().read())
						.build();
					patchHttp = client;
				}
			}
		}
		return client;
	}

	private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String scope,
			software.amazon.awssdk.regions.Region region, AwsCredentialsProvider credentials) {
		return configure(builder, http(), scope, region, credentials);
	}

	private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http,
			String scope, software.amazon.awssdk.regions.Region region, AwsCredentialsProvider credentials) {
		builder.httpClient(http)
			.region(region)
			.credentialsProvider(credentials)
			.overrideConfiguration(ClientOverrideConfiguration.builder()
				.retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy()
					.toBuilder()
					.maxAttempts(settings.maxAttempts())
					.build())
				.scheduledExecutorService(timeouts)
				.apiCallAttemptTimeout(settings.timeouts().attempt())
				.apiCallTimeout(settings.timeouts().call())
				.addExecutionInterceptor(limits.interceptor(scope))
				.build());
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return builder;
	}

	/**
	 * The client or credentials under this key, built once. Whatever {@code create} needs
	 * from this cache is resolved before, so the map is never updated recursively.
	 */
	@SuppressWarnings("unchecked")
	private <T extends SdkAutoCloseable> T cached(String key, Supplier<T> create) {
		return (T) clients.computeIfAbsent(key, k -> create.get());
	}

	private static ScheduledThreadPoolExecutor timeouts() {
		var counter = new AtomicInteger();
		var executor = new ScheduledThreadPoolExecutor(2,
				task -> Thread.ofPlatform().daemon().name("aws-timeouts-" + counter.incrementAndGet()).unstarted(task));
		// a call that ends in time cancels its timeout: drop it rather than keep it
		// queued
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	@Override
	public synchronized void close() {
		var all = new ArrayList<SdkAutoCloseable>(clients.values());
		clients.clear();
		// credentials before the STS client they use, clients before the HTTP client
		all.sort((a, b) -> Integer.compare(order(a), order(b)));
		all.forEach(SdkAutoCloseable::close);
		var owned = base;
		if (owned != null) {
			owned.close();
		}
		for (var client : new @Nullable SdkHttpClient[] { http, patchHttp }) {
			if (client != null) {
				client.close();
			}
		}
		timeouts.shutdownNow();
	}

	private static int order(SdkAutoCloseable closeable) {
		return closeable instanceof AwsCredentialsProvider ? 0 : 1;
	}

}
