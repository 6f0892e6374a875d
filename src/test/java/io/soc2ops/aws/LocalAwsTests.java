package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.soc2ops.aws.local.LocalAws;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The local endpoint speaks each protocol as AWS does, as far as the SDK can tell: its
 * throttling is throttling, its refusals carry AWS's codes, assumed-role credentials act
 * in the role's account.
 */
class LocalAwsTests {

	static final String MANAGEMENT = "111111111111";

	static final String MEMBER = "222222222222";

	static final AccountRegion MEMBER_TOKYO = new AccountRegion(new AccountId(MEMBER), new Region("ap-northeast-1"));

	static final LocalAws aws = LocalAws.start();

	final AwsClients clients = new AwsClients(
			LocalSettings.withoutRetries(
					LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.ORGANIZATION, "ap-northeast-1")),
			LocalSettings.credentials(MANAGEMENT));

	@AfterEach
	void reset() {
		clients.close();
		aws.reset();
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void throttlingIsThrottlingToTheSdkInEveryProtocol() {
		aws.organization(MANAGEMENT, MEMBER)
			.throttle("ListAccounts", 1)
			.throttle("AssumeRole", 1)
			.throttle("GetFindings", 1);

		var organizations = catchThrowableOfType(AwsServiceException.class,
				() -> clients.organizations().listAccounts());
		var sts = catchThrowableOfType(AwsServiceException.class, () -> clients.assumeRole(MEMBER_TOKYO.account()));
		var securityHub = catchThrowableOfType(AwsServiceException.class,
				() -> clients.securityHub(MEMBER_TOKYO).getFindings(request -> request.maxResults(1)));

		assertThat(organizations.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
		assertThat(sts.awsErrorDetails().errorCode()).isEqualTo("Throttling");
		assertThat(securityHub.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
		assertThat(List.of(organizations, sts, securityHub)).allSatisfy(ex -> {
			assertThat(ex.isThrottlingException()).isTrue();
			assertThat(ex.statusCode()).isEqualTo(400);
		});
	}

	@Test
	void refusalsCarryTheCodesAwsSends() {
		aws.organization(MANAGEMENT, MEMBER).deny(MEMBER, "GetEnabledStandards").denyAssumeRole("333333333333");

		var securityHub = catchThrowableOfType(AwsServiceException.class,
				() -> clients.securityHub(MEMBER_TOKYO).getEnabledStandards(request -> {
				}));
		var sts = catchThrowableOfType(AwsServiceException.class,
				() -> clients.assumeRole(new AccountId("333333333333")));

		assertThat(securityHub.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
		assertThat(securityHub.statusCode()).isEqualTo(403);
		assertThat(sts.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
		assertThat(sts.awsErrorDetails().errorMessage()).contains("sts:AssumeRole",
				"arn:aws:iam::333333333333:role/soc2ops-readonly");
	}

	@Test
	void assumedRoleCredentialsActInTheRolesAccount() {
		aws.organization(MANAGEMENT, MEMBER);

		var identity = clients.sts(MEMBER_TOKYO).getCallerIdentity();

		assertThat(identity.account()).isEqualTo(MEMBER);
		assertThat(identity.arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/soc2ops-readonly/soc2ops");
		assertThat(aws.calls("GetCallerIdentity")).singleElement()
			.satisfies(call -> assertThat(call.accessKeyId()).isEqualTo("ASIA222222222222ROLE"));
		assertThat(aws.calls("AssumeRole")).singleElement()
			.satisfies(call -> assertThat(call.account()).isEqualTo(MANAGEMENT));
	}

	@Test
	void aFixedLatencyDelaysEveryCall() {
		aws.latency(Duration.ofMillis(300));

		long started = System.nanoTime();
		clients.sts().getCallerIdentity();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

}
