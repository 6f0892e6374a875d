package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.soc2ops.alerting.AccountNames;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.evidence.Actor;

/**
 * Alerts name the accounts soc2ops knows: by the name an account was added to scope with,
 * else by its name in the Organization; anything else stays a bare ID.
 */
@SpringBootTest
class AccountNamesInScopeTests {

	static final LocalAws aws = LocalAws.start();

	@Autowired
	AccountNames names;

	@Autowired
	AwsAccounts accounts;

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void anAccountInScopeIsCalledByItsName() {
		accounts.register(new AwsAccount(new AccountId("710000000001"), "production", Environment.PRODUCTION,
				List.of(new Region("ap-northeast-1"))), Actor.system("test"));

		assertThat(names.nameOf("710000000001")).contains("production");
	}

	@Test
	void anUnknownOrMalformedAccountHasNoName() {
		assertThat(names.nameOf("710000000099")).isEmpty();
		assertThat(names.nameOf("not-an-account")).isEmpty();
		assertThat(names.nameOf("")).isEmpty();
	}

	@Test
	void anOrganizationsAccountIsCalledByItsOrganizationNameUnlessItWasAddedWithOne() {
		aws.organization("720000000001", "720000000002", "720000000003");
		accounts.register(new AwsAccount(new AccountId("720000000003"), "staging", Environment.STAGING,
				List.of(new Region("ap-northeast-1"))), Actor.system("test"));
		try (var clients = new AwsClients(
				LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.ORGANIZATION, "ap-northeast-1"),
				LocalSettings.credentials("720000000001"))) {
			var scope = new Scope(clients);
			var organizationNames = new AccountNamesInScope(accounts, scope);
			assertThat(organizationNames.nameOf("720000000002")).as("before ListAccounts").isEmpty();

			scope.find();

			assertThat(organizationNames.nameOf("720000000001")).contains("management");
			assertThat(organizationNames.nameOf("720000000002")).contains("member-0002");
			assertThat(organizationNames.nameOf("720000000003")).contains("staging");
		}
	}

}
