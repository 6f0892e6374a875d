package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.soc2ops.access.IdentityCenterAssignments;
import io.soc2ops.evidence.Actor;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;
import io.soc2ops.aws.local.SampleInspectorFindings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped IAM policy grants exactly what the code calls: a connection check and a
 * collection in ORGANIZATION mode with Amazon Inspector read (which makes every kind of
 * call soc2ops makes) ask AWS for no action the policy leaves out, and the policy grants
 * none they do not ask for. Calls are counted by the IAM action they need:
 * {@code GetFindingsV2} needs {@code securityhub:GetFindings}, as AWS documents. IAM and
 * IAM Identity Center are read too; an installation without {@code manage-assignments}
 * has no Identity Center writer at all.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.mode=ORGANIZATION",
		"soc2ops.aws.regions=ap-northeast-1,ap-northeast-3", "soc2ops.aws.identity-center.enabled=true",
		"soc2ops.aws.iam.report-backoff=50ms" })
@Import(RecordingVulnerabilityIntake.Configuration.class)
class ReadOnlyPolicyTests {

	static final Actor TEST = Actor.system("test");

	static final String MANAGEMENT = "111111111111";

	static final String PRODUCTION = "222222222222";

	static final LocalAws aws = LocalAws.start();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class ManagementAccountCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalSettings.credentials(MANAGEMENT);
		}

	}

	@Autowired
	ConnectionCheck connections;

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	ObjectProvider<IdentityCenterAssignments> identityCenterWriter;

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void theCodeCallsExactlyTheActionsThePolicyGrants() throws IOException {
		aws.organization(MANAGEMENT, PRODUCTION)
			.findings(PRODUCTION, "ap-northeast-1",
					SampleFindings.s3Buckets(PRODUCTION, "ap-northeast-1", 3, Instant.now()))
			.findingsV2(PRODUCTION, "ap-northeast-1",
					SampleFindings.s3BucketsOcsf(PRODUCTION, "ap-northeast-1", 3, Instant.now()))
			.inspectorFindings(PRODUCTION, "ap-northeast-1",
					SampleInspectorFindings.packageVulnerabilities(PRODUCTION, "ap-northeast-1", 3, Instant.now()));
		aws.iamUsers(PRODUCTION, "deploy-bot");
		var center = aws.identityCenter("arn:aws:sso:::instance/ssoins-1234567890abcdef", "d-1234567890", MANAGEMENT)
			.user("u-1", "taro@example.com", "Taro Yamada", "taro@example.com")
			.group("g-1", "Admins")
			.member("g-1", "u-1");
		String admin = center.permissionSetArn("1234567890abcdef");
		center.permissionSet(admin, "AdministratorAccess", "", "AdministratorAccess")
			.assign(PRODUCTION, admin, "GROUP", "g-1");
		// the new Security Hub everywhere, so that every call succeeds
		for (String account : new String[] { MANAGEMENT, PRODUCTION }) {
			aws.securityHubV2(account, "ap-northeast-1").securityHubV2(account, "ap-northeast-3");
		}

		assertThat(connections.check(TEST).allOk()).isTrue();
		var summary = collector.collect(TEST);
		assertThat(summary.failures()).isEmpty();
		assertThat(summary.inspector()).hasSize(4);
		assertThat(summary.inspectorFailures()).isEmpty();

		assertThat(aws.calls()).allSatisfy(call -> assertThat(call.status()).as(call.operation()).isEqualTo(200));
		assertThat(aws.calls()).extracting(LocalAws.Call::operation)
			.contains("GetFindingsV2", "DescribeSecurityHubV2", "BatchGetAccountStatus", "ListFindings");
		assertThat(aws.calls()).extracting(LocalAws.Call::operation)
			.contains("GetAccountAuthorizationDetails", "GetCredentialReport", "ListAccountAssignments",
					"ListGroupMemberships");
		Set<String> called = aws.calls()
			.stream()
			.map(LocalAws.Call::action)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(called).isEqualTo(policyActions());
	}

	@Test
	void aReadOnlyInstallationHasNoIdentityCenterWriter() {
		assertThat(identityCenterWriter.getIfAvailable()).isNull();
	}

	static Set<String> policyActions() throws IOException {
		JsonNode policy;
		try (var in = new ClassPathResource("aws/soc2ops-readonly-policy.json").getInputStream()) {
			policy = JsonMapper.builder().build().readTree(in);
		}
		assertThat(policy.path("Version").asString()).isEqualTo("2012-10-17");
		var actions = new HashSet<String>();
		for (JsonNode statement : policy.path("Statement")) {
			assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
			statement.path("Action").forEach(action -> actions.add(action.asString()));
		}
		return new TreeSet<>(actions);
	}

}
