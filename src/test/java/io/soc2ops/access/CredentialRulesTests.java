package io.soc2ops.access;

import static io.soc2ops.access.CredentialReportFixtures.key;
import static io.soc2ops.access.CredentialReportFixtures.root;
import static io.soc2ops.access.CredentialReportFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The credential checks, one user line at a time, counted back from the moment the report
 * was generated, with the limits configured.
 */
class CredentialRulesTests {

	static final String ACCOUNT = "111122223333";

	static final Instant GENERATED = Instant.parse("2026-09-28T00:00:00Z");

	final CredentialRules rules = new CredentialRules(new CredentialSettings(90, 90, 90));

	@Test
	void aPasswordWithoutMfaIsFoundAndOneWithMfaIsNot() {
		assertThat(kinds(user(ACCOUNT, "a", "true", "2026-09-27T00:00:00+00:00", "false", noKey())))
			.containsExactly(CredentialFindingKind.NO_MFA);
		assertThat(kinds(user(ACCOUNT, "a", "true", "2026-09-27T00:00:00+00:00", "true", noKey()))).isEmpty();
		assertThat(kinds(user(ACCOUNT, "a", "false", "N/A", "false", noKey()))).isEmpty();
	}

	@Test
	void anActiveKeyRotatedMoreThanTheLimitAgoIsOld() {
		String used = "2026-09-27T00:00:00+00:00";
		assertThat(kinds(user(ACCOUNT, "k", "false", "N/A", "false",
				key("true", "2026-06-29T23:59:59+00:00", used, "us-east-1", "s3"))))
			.containsExactly(CredentialFindingKind.OLD_ACCESS_KEY);
		assertThat(kinds(user(ACCOUNT, "k", "false", "N/A", "false",
				key("true", "2026-06-30T00:00:00+00:00", used, "us-east-1", "s3"))))
			.isEmpty();
		assertThat(kinds(user(ACCOUNT, "k", "false", "N/A", "false",
				key("false", "2020-01-01T00:00:00+00:00", "N/A", "N/A", "N/A"))))
			.isEmpty();
	}

	@Test
	void credentialsUnusedOrNeverUsedSinceLongAgoAreUnused() {
		var found = rules
			.check(ACCOUNT,
					CredentialUser.of(2,
							fields(user(ACCOUNT, "u", "true", "2026-06-01T00:00:00+00:00", "true",
									key("true", "2026-09-01T00:00:00+00:00", "N/A", "N/A", "N/A"))),
							ACCOUNT),
					GENERATED);
		assertThat(found).extracting(CredentialFinding::kind).containsExactly(CredentialFindingKind.UNUSED_PASSWORD);
		assertThat(found.getFirst().detail())
			.isEqualTo("console password last used on 2026-06-01, 119 days before" + " the report");
		// never used, created on 2026-01-05 (the fixture's creation day)
		assertThat(kinds(user(ACCOUNT, "n", "true", "no_information", "true", noKey())))
			.containsExactly(CredentialFindingKind.UNUSED_PASSWORD);
		assertThat(kinds(user(ACCOUNT, "n", "false", "N/A", "false",
				key("true", "2026-01-05T00:00:00+00:00", "2026-05-01T00:00:00+00:00", "us-east-1", "s3"))))
			.containsExactly(CredentialFindingKind.OLD_ACCESS_KEY, CredentialFindingKind.UNUSED_ACCESS_KEY);
		assertThat(kinds(user(ACCOUNT, "n", "false", "N/A", "false",
				key("true", "2026-09-01T00:00:00+00:00", "N/A", "N/A", "N/A"))))
			.isEmpty();
	}

	@Test
	void theRootUsersSignInWithinTheLookBackAndItsKeysAreFound() {
		assertThat(rules.check(ACCOUNT,
				CredentialUser.of(2, fields(root(ACCOUNT, "2026-09-20T01:00:00+00:00")), ACCOUNT), GENERATED))
			.extracting(CredentialFinding::kind, CredentialFinding::detail)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(CredentialFindingKind.NO_MFA,
							"the root user has no MFA device"),
					org.assertj.core.groups.Tuple.tuple(CredentialFindingKind.ROOT_USED,
							"the root user signed in on 2026-09-20, within the last 90 days"));
		assertThat(kinds(root(ACCOUNT, "2026-01-01T00:00:00+00:00"))).containsExactly(CredentialFindingKind.NO_MFA);
		String withKey = root(ACCOUNT, "no_information").replaceFirst(",false,N/A,N/A,N/A,N/A,",
				",true,2026-09-01T00:00:00+00:00,2026-09-27T00:00:00+00:00,us-east-1,iam,");
		assertThat(kinds(withKey)).containsExactly(CredentialFindingKind.NO_MFA, CredentialFindingKind.ROOT_ACCESS_KEY,
				CredentialFindingKind.ROOT_USED);
	}

	@Test
	void theLimitsAreConfigurableAndBadOnesNameTheProperty() {
		var strict = new CredentialRules(new CredentialSettings(30, 10, 1));
		String line = user(ACCOUNT, "s", "true", "2026-09-10T00:00:00+00:00", "true",
				key("true", "2026-08-01T00:00:00+00:00", "2026-09-27T00:00:00+00:00", "us-east-1", "s3"));
		assertThat(kinds(line)).isEmpty();
		assertThat(strict.check(ACCOUNT, CredentialUser.of(2, fields(line), ACCOUNT), GENERATED))
			.extracting(CredentialFinding::kind)
			.containsExactly(CredentialFindingKind.UNUSED_PASSWORD, CredentialFindingKind.OLD_ACCESS_KEY);
		assertThatThrownBy(() -> new CredentialSettings(0, 90, 90))
			.hasMessage("soc2ops.access.credentials.key-max-age-days: must be 1-3650 days but was 0");
		assertThatThrownBy(() -> new CredentialSettings(90, 4000, 90))
			.hasMessageStartingWith("soc2ops.access.credentials.unused-days");
	}

	private List<CredentialFindingKind> kinds(String line) {
		return rules.check(ACCOUNT, CredentialUser.of(2, fields(line), ACCOUNT), GENERATED)
			.stream()
			.map(CredentialFinding::kind)
			.toList();
	}

	private static List<String> fields(String line) {
		return CredentialReportCsv.fields(line, 2);
	}

	private static String noKey() {
		return key("false", "N/A", "N/A", "N/A", "N/A");
	}

}
