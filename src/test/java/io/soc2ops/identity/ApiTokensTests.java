package io.soc2ops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.ChainVerification;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class ApiTokensTests {

	static final Actor ADMIN = Actor.user("admin");

	@Autowired
	ApiTokens tokens;

	@Autowired
	Users users;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuesASecretThatIsStoredOnlyAsItsSha256Hash() {
		user("amy", Role.ENGINEER);

		var issued = tokens.issue(Username.of("amy"), "laptop cli", Actor.user("amy"));

		assertThat(issued.secret()).startsWith("s2o_").hasSizeGreaterThanOrEqualTo(40);
		assertThat(issued.token().prefix()).isEqualTo(issued.secret().substring(0, 10));
		var row = jdbc.sql("SELECT * FROM api_token WHERE id = :id")
			.param("id", issued.token().id())
			.query()
			.singleRow();
		assertThat(row.get("secret_hash").toString().strip()).isEqualTo(sha256(issued.secret()));
		assertThat(allColumnsOfAllTokens()).noneMatch(value -> value.contains(issued.secret()));
	}

	@Test
	void theIssuedTokenIsListedForItsOwnerOnly() {
		user("abby", Role.ENGINEER);
		user("adam", Role.ENGINEER);

		var issued = tokens.issue(Username.of("abby"), "  laptop cli ", Actor.user("abby"));

		assertThat(issued.token().name()).isEqualTo("laptop cli");
		assertThat(issued.token().active()).isTrue();
		assertThat(tokens.ownedBy(Username.of("abby"))).containsExactly(issued.token());
		assertThat(tokens.ownedBy(Username.of("adam"))).isEmpty();
	}

	@Test
	void everySecretIsDifferent() {
		user("aaron", Role.ENGINEER);

		var first = tokens.issue(Username.of("aaron"), "one", Actor.user("aaron"));
		var second = tokens.issue(Username.of("aaron"), "two", Actor.user("aaron"));

		assertThat(first.secret()).isNotEqualTo(second.secret());
		assertThat(first.token().id()).isNotEqualTo(second.token().id());
		assertThat(tokens.ownedBy(Username.of("aaron"))).extracting(ApiToken::name)
			.containsExactlyInAnyOrder("one", "two");
	}

	@Test
	void theSecretAuthenticatesItsOwner() {
		user("bert", Role.OPERATOR, Role.APPROVER);
		var issued = tokens.issue(Username.of("bert"), "ci", Actor.user("bert"));

		var owner = tokens.authenticate(issued.secret());

		assertThat(owner).map(User::username).contains(Username.of("bert"));
		assertThat(owner.orElseThrow().roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.APPROVER);
		assertThat(tokens.ownedBy(Username.of("bert")).getFirst().lastUsedAt()).isNotNull();
	}

	@Test
	void aTokenUsedOverAndOverIsMarkedUsedOnceAMinuteNotOnEveryRequest() {
		user("busy", Role.OPERATOR);
		var issued = tokens.issue(Username.of("busy"), "eventbridge", Actor.user("busy"));
		tokens.authenticate(issued.secret());
		jdbc.sql("UPDATE api_token SET last_used_at = TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'").update();

		for (int i = 0; i < 50; i++) {
			assertThat(tokens.authenticate(issued.secret())).isPresent();
		}

		assertThat(tokens.ownedBy(Username.of("busy")).getFirst().lastUsedAt())
			.isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void aRevokedTokenNoLongerAuthenticates() {
		user("cora", Role.ENGINEER);
		var issued = tokens.issue(Username.of("cora"), "ci", Actor.user("cora"));
		var other = tokens.issue(Username.of("cora"), "laptop", Actor.user("cora"));

		var revoked = tokens.revoke(issued.token().id(), Actor.user("cora"), false);

		assertThat(revoked.active()).isFalse();
		assertThat(revoked.revokedAt()).isNotNull();
		assertThat(tokens.authenticate(issued.secret())).isEmpty();
		assertThat(tokens.authenticate(other.secret())).isPresent();
	}

	@Test
	void revokingTwiceKeepsTheFirstRevocation() {
		user("cathy", Role.ENGINEER);
		var issued = tokens.issue(Username.of("cathy"), "ci", Actor.user("cathy"));
		var first = tokens.revoke(issued.token().id(), Actor.user("cathy"), false);

		var second = tokens.revoke(issued.token().id(), Actor.user("cathy"), false);

		assertThat(second.revokedAt()).isEqualTo(first.revokedAt());
		assertThat(ledger.about("user:cathy", 10)).extracting(EvidenceEntry::action)
			.containsExactly("token.revoked", "token.issued", "user.created");
	}

	@Test
	void aTokenOfADisabledUserDoesNotAuthenticate() {
		user("dave", Role.ENGINEER);
		var issued = tokens.issue(Username.of("dave"), "ci", Actor.user("dave"));
		assertThat(tokens.authenticate(issued.secret())).isPresent();

		users.disable(Username.of("dave"), ADMIN);

		assertThat(tokens.authenticate(issued.secret())).isEmpty();
	}

	@ParameterizedTest(name = "\"{0}\" does not authenticate")
	@ValueSource(strings = { "", " ", "garbage", "Bearer", "s2o_", "s2o_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"S2O_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "' OR '1'='1", "s2o_' OR '1'='1", "%s", "\u0000" })
	void aStringThatIsNoIssuedSecretDoesNotAuthenticate(String notASecret) {
		if (users.find(Username.of("edna")).isEmpty()) {
			user("edna", Role.ADMIN);
		}
		tokens.issue(Username.of("edna"), "ci", Actor.user("edna"));

		assertThat(tokens.authenticate(notASecret)).isEmpty();
	}

	@Test
	void anOversizedStringDoesNotAuthenticate() {
		assertThat(tokens.authenticate("s2o_" + "A".repeat(100_000))).isEmpty();
		assertThat(tokens.authenticate("x".repeat(1_000_000))).isEmpty();
	}

	@Test
	void aSecretWithSomethingAppendedOrCutOffDoesNotAuthenticate() {
		user("fred", Role.ENGINEER);
		var secret = tokens.issue(Username.of("fred"), "ci", Actor.user("fred")).secret();

		assertThat(tokens.authenticate(secret + "x")).isEmpty();
		assertThat(tokens.authenticate(secret.substring(0, secret.length() - 1))).isEmpty();
		assertThat(tokens.authenticate(secret.toUpperCase(Locale.ROOT))).isEmpty();
		assertThat(tokens.authenticate(secret)).isPresent();
	}

	@Test
	void aUserCannotRevokeAnotherUsersTokenAndCannotTellThatItExists() {
		user("gina", Role.ENGINEER);
		user("hank", Role.ENGINEER);
		var ginas = tokens.issue(Username.of("gina"), "ci", Actor.user("gina"));
		long ledgerBefore = ledger.size();

		var forSomeoneElse = catchThrowableOfType(IdentityException.class,
				() -> tokens.revoke(ginas.token().id(), Actor.user("hank"), false));
		var forNoToken = catchThrowableOfType(IdentityException.class,
				() -> tokens.revoke("00000000-0000-0000-0000-000000000000", Actor.user("hank"), false));

		assertThat(forSomeoneElse.isNotFound()).isTrue();
		assertThat(forNoToken.isNotFound()).isTrue();
		assertThat(forSomeoneElse.getMessage()).isEqualTo("no API token " + ginas.token().id());
		assertThat(forNoToken.getMessage()).isEqualTo("no API token 00000000-0000-0000-0000-000000000000");
		assertThat(tokens.authenticate(ginas.secret())).isPresent();
		assertThat(ledger.size()).isEqualTo(ledgerBefore);
	}

	@Test
	void anAdminCanRevokeAnyonesToken() {
		user("ivy", Role.ENGINEER);
		var ivys = tokens.issue(Username.of("ivy"), "ci", Actor.user("ivy"));

		var revoked = tokens.revoke(ivys.token().id(), ADMIN, true);

		assertThat(revoked.active()).isFalse();
		assertThat(tokens.authenticate(ivys.secret())).isEmpty();
		var entry = ledger.about("user:ivy", 1).getFirst();
		assertThat(entry.action()).isEqualTo("token.revoked");
		assertThat(entry.actor()).isEqualTo(ADMIN);
	}

	@Test
	void aTokenIsIssuedOnlyForAnExistingUserWithAName() {
		user("jack", Role.ENGINEER);

		assertThatThrownBy(() -> tokens.issue(Username.of("nobody"), "ci", ADMIN))
			.isInstanceOfSatisfying(IdentityException.class, ex -> assertThat(ex.isNotFound()).isTrue());
		assertThatThrownBy(() -> tokens.issue(Username.of("jack"), "   ", Actor.user("jack")))
			.isInstanceOf(IdentityException.class);
		assertThatThrownBy(() -> tokens.issue(Username.of("jack"), "n".repeat(101), Actor.user("jack")))
			.isInstanceOf(IdentityException.class);
		assertThat(tokens.ownedBy(Username.of("jack"))).isEmpty();
	}

	@Test
	void anIssuedTokenDoesNotShowItsSecretWhenPrinted() {
		user("kate", Role.ENGINEER);

		var issued = tokens.issue(Username.of("kate"), "ci", Actor.user("kate"));

		assertThat(issued.toString()).doesNotContain(issued.secret())
			.doesNotContain(issued.secret().substring(4))
			.contains(issued.token().id());
		assertThat(issued.token().toString()).doesNotContain(issued.secret());
	}

	@Test
	void issuingAndRevokingAreInTheLedgerWithoutTheSecret() {
		user("liam", Role.ENGINEER);
		var issued = tokens.issue(Username.of("liam"), "deploy bot", Actor.user("liam"));
		tokens.revoke(issued.token().id(), Actor.user("liam"), false);

		var entries = ledger.about("user:liam", 10);

		assertThat(entries).extracting(EvidenceEntry::action)
			.containsExactly("token.revoked", "token.issued", "user.created");
		var issuedEntry = entries.get(1);
		assertThat(issuedEntry.actor()).isEqualTo(Actor.user("liam"));
		assertThat(issuedEntry.module()).isEqualTo("identity");
		assertThat(issuedEntry.payload()).contains(issued.token().id(), "deploy bot", issued.token().prefix());
		assertThat(entries).allSatisfy(entry -> assertThat(entry.payload()).doesNotContain(issued.secret())
			.doesNotContain(issued.secret().substring(10))
			.doesNotContain(sha256(issued.secret())));
		assertThat(ledger.verify()).isInstanceOf(ChainVerification.Intact.class);
	}

	private void user(String name, Role... roles) {
		users.create(Username.of(name), name, Set.of(roles), "correct horse battery", ADMIN);
	}

	private List<String> allColumnsOfAllTokens() {
		return jdbc.sql("SELECT * FROM api_token")
			.query()
			.listOfRows()
			.stream()
			.map(Map::values)
			.flatMap(values -> values.stream().map(String::valueOf))
			.toList();
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
