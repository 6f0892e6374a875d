package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.soc2ops.aws.local.LocalAws;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;

/**
 * The local endpoint speaks IAM (awsQuery, XML), the Identity Store and SSO Admin
 * (awsJson1_1) as the real SDK expects: every page of every list arrives through the
 * SDK's paginators, the credential report is generated and fetched, refusals and
 * throttling carry AWS's codes.
 */
class LocalIdentityProtocolsTests {

	static final String MANAGEMENT = "111111111111";

	static final String MEMBER = "222222222222";

	static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1111222233334444";

	static final LocalAws aws = LocalAws.start();

	final AwsClients clients = new AwsClients(
			LocalSettings.withoutRetries(
					LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.ORGANIZATION, "ap-northeast-1")),
			LocalSettings.credentials(MANAGEMENT));

	final IdentityCenterReads identityCenter = new IdentityCenterReads(clients,
			new IdentityCenterSettings(true, null, null, 1, false, Duration.ofSeconds(5), Duration.ofMillis(10)));

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
	void authorizationDetailsComePageByPageWithUrlEncodedPolicies() {
		aws.organization(MANAGEMENT, MEMBER);
		aws.iam(MEMBER)
			.user("alice", List.of("admins"), List.of("AdministratorAccess"),
					Map.of("s3-read", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\"}]}"))
			.user("bob", List.of(), List.of(), Map.of())
			.group("admins")
			.role("deploy")
			.policy("BoundaryPolicy", "{\"Version\":\"2012-10-17\"}");

		var pages = new IamReads(clients).authorizationDetails(new AccountId(MEMBER), 2);
		var responses = new java.util.ArrayList<GetAccountAuthorizationDetailsResponse>();
		pages.forEach(responses::add);

		assertThat(responses).hasSize(3);
		var users = responses.stream().flatMap(page -> page.userDetailList().stream()).toList();
		assertThat(users).extracting(user -> user.userName()).containsExactly("alice", "bob");
		assertThat(users.getFirst().arn()).isEqualTo("arn:aws:iam::" + MEMBER + ":user/alice");
		assertThat(users.getFirst().groupList()).containsExactly("admins");
		assertThat(users.getFirst().attachedManagedPolicies()).singleElement()
			.satisfies(
					policy -> assertThat(policy.policyArn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess"));
		assertThat(users.getFirst().userPolicyList().getFirst().policyDocument()).startsWith("%7B%22Statement%22");
		assertThat(responses.stream().flatMap(page -> page.roleDetailList().stream())).singleElement()
			.satisfies(role -> assertThat(role.assumeRolePolicyDocument()).contains("sts%3AAssumeRole"));
		assertThat(responses.stream().flatMap(page -> page.policies().stream())).singleElement()
			.satisfies(policy -> assertThat(policy.policyVersionList().getFirst().isDefaultVersion()).isTrue());
		assertThat(aws.calls("GetAccountAuthorizationDetails")).allSatisfy(call -> {
			assertThat(call.region()).isEqualTo("us-east-1");
			assertThat(call.accessKeyId()).startsWith("ASIA" + MEMBER);
			assertThat(call.body()).contains("Filter.member.1=User", "MaxItems=2");
		});
	}

	@Test
	void theCredentialReportIsGeneratedThenFetched() {
		String csv = "user,arn\n<root_account>,arn:aws:iam::" + MEMBER + ":root\n";
		aws.organization(MANAGEMENT, MEMBER).credentialReport(MEMBER, csv).iam(MEMBER).reportAfter(2);
		var reads = new IamReads(clients);

		assertThat(catchThrowableOfType(CredentialReportNotPresentException.class,
				() -> clients.iam(new AccountId(MEMBER)).getCredentialReport())
			.awsErrorDetails()
			.errorCode()).isEqualTo("ReportNotPresent");
		var report = reads.credentialReport(new AccountId(MEMBER), Duration.ofSeconds(5), Duration.ofMillis(10));

		assertThat(new String(report.csv(), StandardCharsets.UTF_8)).isEqualTo(csv);
		assertThat(report.generatedAt()).isNotNull();
		assertThat(aws.calls("GenerateCredentialReport")).hasSize(3);
		assertThat(aws.calls("GenerateCredentialReport").getFirst().status()).isEqualTo(200);
	}

	@Test
	void aCredentialReportNotReadyInTimeSaysSo() {
		aws.organization(MANAGEMENT, MEMBER).iam(MEMBER).reportAfter(100);

		var ex = catchThrowableOfType(IamReads.NotReady.class, () -> new IamReads(clients)
			.credentialReport(new AccountId(MEMBER), Duration.ofMillis(200), Duration.ofMillis(10)));

		assertThat(ex).hasMessageContaining("credential report of " + MEMBER + " was still");
		assertThat(aws.calls("GetCredentialReport")).isEmpty();
	}

	@Test
	void identityCenterListsArriveWholeThroughThePaginators() {
		var center = aws.identityCenter(INSTANCE, "d-1234567890", MANAGEMENT)
			.user("u-1", "Taro@Example.com", "Taro Yamada", "taro@example.com")
			.user("u-2", "hanako@example.com", "Hanako Sato", "hanako@example.com")
			.user("u-3", "jiro@example.com", "Jiro Suzuki", "jiro@example.com")
			.group("g-1", "Admins")
			.member("g-1", "u-1")
			.member("g-1", "u-2");
		String admin = center.permissionSetArn("aaaabbbbccccdddd");
		center
			.permissionSet(admin, "AdministratorAccess", "{\"Version\":\"2012-10-17\"}", "AdministratorAccess",
					"ReadOnlyAccess")
			.assign(MEMBER, admin, "GROUP", "g-1")
			.assign(MEMBER, admin, "USER", "u-3")
			.assign(MANAGEMENT, admin, "USER", "u-3");

		var instance = identityCenter.instances();
		var users = iterate(identityCenter.users("d-1234567890"));
		var memberships = iterate(identityCenter.memberships("d-1234567890", "g-1"));
		var sets = iterate(identityCenter.permissionSets(INSTANCE));
		var set = identityCenter.describe(INSTANCE, admin);
		var managed = identityCenter.managedPolicies(INSTANCE, admin);
		var accounts = iterate(identityCenter.accounts(INSTANCE, admin));
		var assignments = iterate(identityCenter.assignments(INSTANCE, MEMBER, admin));

		assertThat(instance).singleElement().satisfies(i -> {
			assertThat(i.instanceArn()).isEqualTo(INSTANCE);
			assertThat(i.identityStoreId()).isEqualTo("d-1234567890");
			assertThat(i.ownerAccountId()).isEqualTo(MANAGEMENT);
		});
		assertThat(users).extracting(u -> u.userName())
			.containsExactly("Taro@Example.com", "hanako@example.com", "jiro@example.com");
		assertThat(users.getFirst().emails().getFirst().primary()).isTrue();
		assertThat(memberships).extracting(m -> m.memberId().userId()).containsExactly("u-1", "u-2");
		assertThat(sets).containsExactly(admin);
		assertThat(set.name()).isEqualTo("AdministratorAccess");
		assertThat(managed).extracting(p -> p.arn())
			.containsExactly("arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess");
		assertThat(identityCenter.inlinePolicy(INSTANCE, admin)).isEqualTo("{\"Version\":\"2012-10-17\"}");
		assertThat(accounts).containsExactly(MANAGEMENT, MEMBER);
		assertThat(assignments).extracting(a -> a.principalTypeAsString() + ":" + a.principalId())
			.containsExactly("GROUP:g-1", "USER:u-3");
		// page size 1: every list with more than one item took more than one call
		assertThat(aws.calls("ListUsers")).hasSize(3);
		assertThat(aws.calls("ListAccountAssignments")).hasSize(2);
		assertThat(aws.calls("ListUsers")).allSatisfy(call -> {
			assertThat(call.service()).isEqualTo("identitystore");
			assertThat(call.region()).isEqualTo("ap-northeast-1");
		});
		assertThat(aws.calls("ListInstances").getFirst().action()).isEqualTo("sso:ListInstances");
	}

	@Test
	void refusalsAndThrottlingCarryAwsCodes() {
		aws.organization(MANAGEMENT, MEMBER).deny(MEMBER, "GetAccountAuthorizationDetails").throttle("ListUsers", 1);
		aws.identityCenter(INSTANCE, "d-1234567890", MANAGEMENT);

		var iam = catchThrowableOfType(AwsServiceException.class,
				() -> new IamReads(clients).authorizationDetails(new AccountId(MEMBER), 10).iterator().next());
		var store = catchThrowableOfType(AwsServiceException.class,
				() -> identityCenter.users("d-1234567890").iterator().next());

		assertThat(iam.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
		assertThat(iam.statusCode()).isEqualTo(403);
		assertThat(AwsFailure.of("iam:GetAccountAuthorizationDetails", iam).status())
			.isEqualTo(ConnectionStatus.ACCESS_DENIED);
		assertThat(store.isThrottlingException()).isTrue();
		assertThat(store.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
	}

	private static <T> List<T> iterate(Iterable<T> items) {
		var list = new java.util.ArrayList<T>();
		items.forEach(list::add);
		return list;
	}

}
