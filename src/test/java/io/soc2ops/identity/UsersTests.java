package io.soc2ops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.ChainVerification;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * Every context starts with the first-run {@code admin} ({@link FirstAdmin}), so tests
 * use names of their own; the ones that count admins start from a fresh context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class UsersTests {

	static final String PASSWORD = "correct horse battery";

	static final Actor ADMIN = Actor.user("admin");

	@Autowired
	Users users;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesOnlyABcryptHashOfThePassword() {
		users.create(Username.of("alice"), "Alice Example", Set.of(Role.ENGINEER), PASSWORD, ADMIN);

		String stored = passwordHash("alice");
		assertThat(stored).startsWith("{bcrypt}").doesNotContain(PASSWORD);
		assertThat(passwords.matches(PASSWORD, stored)).isTrue();
		assertThat(passwords.matches("correct horse battery!", stored)).isFalse();
	}

	@Test
	void createsAnEnabledUserWithTheGivenRoles() {
		var created = users.create(Username.of("dana"), "  Dana Example ", Set.of(Role.ENGINEER, Role.APPROVER),
				PASSWORD, ADMIN);

		assertThat(created.enabled()).isTrue();
		assertThat(created.displayName()).isEqualTo("Dana Example");
		assertThat(users.find(Username.of("dana"))).contains(created);
	}

	@Test
	void refusesADuplicateUsernameAndChangesNothing() {
		users.create(Username.of("bob"), "Bob Example", Set.of(Role.ENGINEER), PASSWORD, ADMIN);
		var before = users.find(Username.of("bob")).orElseThrow();
		String hashBefore = passwordHash("bob");
		long ledgerBefore = ledger.size();

		assertThatThrownBy(() -> users.create(Username.of("bob"), "Impostor", Set.of(Role.ADMIN),
				"another long password", Actor.user("mallory")))
			.isInstanceOfSatisfying(IdentityException.class, ex -> assertThat(ex.isNotFound()).isFalse())
			.hasMessageContaining("already exists");

		assertThat(users.find(Username.of("bob"))).contains(before);
		assertThat(passwordHash("bob")).isEqualTo(hashBefore);
		assertThat(ledger.size()).isEqualTo(ledgerBefore);
	}

	@Test
	void refusesAPasswordShorterThanTwelveCharacters() {
		long ledgerBefore = ledger.size();

		assertThatThrownBy(
				() -> users.create(Username.of("carol"), "Carol", Set.of(Role.ENGINEER), "elevenchars", ADMIN))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("at least 12 characters");

		assertThat(users.find(Username.of("carol"))).isEmpty();
		assertThat(ledger.size()).isEqualTo(ledgerBefore);
		users.create(Username.of("carol"), "Carol", Set.of(Role.ENGINEER), "twelve chars", ADMIN);
		assertThat(users.find(Username.of("carol"))).isPresent();
	}

	@Test
	void refusesAShortPasswordWhenChangingItToo() {
		users.create(Username.of("chris"), "Chris", Set.of(Role.ENGINEER), PASSWORD, ADMIN);
		String hashBefore = passwordHash("chris");

		assertThatThrownBy(() -> users.changePassword(Username.of("chris"), "short", Actor.user("chris")))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("at least 12 characters");

		assertThat(passwordHash("chris")).isEqualTo(hashBefore);
	}

	@Test
	void refusesAUserWithoutRoles() {
		assertThatThrownBy(() -> users.create(Username.of("erin"), "Erin", Set.of(), PASSWORD, ADMIN))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("at least one role");
		assertThat(users.find(Username.of("erin"))).isEmpty();

		users.create(Username.of("erin"), "Erin", Set.of(Role.AUDITOR), PASSWORD, ADMIN);
		assertThatThrownBy(() -> users.changeRoles(Username.of("erin"), Set.of(), ADMIN))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("at least one role");
		assertThat(users.find(Username.of("erin")).orElseThrow().roles()).containsExactly(Role.AUDITOR);
	}

	@ParameterizedTest(name = "\"{0}\" is not a username")
	@ValueSource(strings = { "Alice", "al ice", "<script>",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "", "a", "-alice", ".alice", "alice\n",
			"user:alice", "alice/../bob", "ålice" })
	void refusesInvalidUsernames(String invalid) {
		assertThatThrownBy(() -> Username.of(invalid)).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "\"{0}\" is a username")
	@ValueSource(strings = { "al", "alice", "alice.example", "alice_b-c", "alice+soc2@example.com", "7eleven",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void acceptsValidUsernames(String valid) {
		assertThat(Username.of(valid).value()).isEqualTo(valid);
	}

	@Test
	void recordsARoleChangeWithBeforeAndAfter() {
		users.create(Username.of("frank"), "Frank", Set.of(Role.ENGINEER), PASSWORD, ADMIN);

		var changed = users.changeRoles(Username.of("frank"), Set.of(Role.OPERATOR, Role.APPROVER), ADMIN);

		assertThat(changed.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.APPROVER);
		assertThat(users.find(Username.of("frank")).orElseThrow().roles()).containsExactlyInAnyOrder(Role.OPERATOR,
				Role.APPROVER);
		var entry = ledger.about("user:frank", 1).getFirst();
		assertThat(entry.action()).isEqualTo("user.roles-changed");
		assertThat(entry.actor()).isEqualTo(ADMIN);
		assertThat(entry.module()).isEqualTo("identity");
		assertThat(entry.subject()).isEqualTo("user:frank");
		assertThat(entry.payload()).isEqualTo("{\"from\":[\"ENGINEER\"],\"to\":[\"OPERATOR\",\"APPROVER\"]}");
	}

	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void theLastEnabledAdminCannotLoseTheAdminRoleNorBeDisabled() {
		assertThat(enabledAdmins()).containsExactly("admin");
		long ledgerBefore = ledger.size();

		assertThatThrownBy(() -> users.changeRoles(Username.of("admin"), Set.of(Role.OPERATOR), Actor.user("other")))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("last admin");
		assertThatThrownBy(() -> users.disable(Username.of("admin"), Actor.user("other")))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("last admin");

		var admin = users.find(Username.of("admin")).orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(admin.enabled()).isTrue();
		assertThat(ledger.size()).isEqualTo(ledgerBefore);
		// keeping ADMIN while gaining another role is fine
		assertThat(
				users.changeRoles(Username.of("admin"), Set.of(Role.ADMIN, Role.OPERATOR), Actor.user("other")).roles())
			.containsExactlyInAnyOrder(Role.ADMIN, Role.OPERATOR);
	}

	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void anAdminMayLoseTheRoleOrBeDisabledWhileAnotherAdminRemains() {
		users.create(Username.of("grace"), "Grace", Set.of(Role.ADMIN), PASSWORD, ADMIN);

		users.changeRoles(Username.of("admin"), Set.of(Role.AUDITOR), Actor.user("grace"));

		assertThat(enabledAdmins()).containsExactly("grace");
		assertThatThrownBy(() -> users.disable(Username.of("grace"), ADMIN)).isInstanceOf(IdentityException.class)
			.hasMessageContaining("last admin");
	}

	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void aDisabledAdminDoesNotCountAsAnAdmin() {
		users.create(Username.of("heidi"), "Heidi", Set.of(Role.ADMIN), PASSWORD, ADMIN);
		users.disable(Username.of("heidi"), ADMIN);

		assertThat(enabledAdmins()).containsExactly("admin");
		assertThatThrownBy(() -> users.disable(Username.of("admin"), Actor.user("heidi")))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("last admin");
		assertThatThrownBy(() -> users.changeRoles(Username.of("admin"), Set.of(Role.AUDITOR), Actor.user("heidi")))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("last admin");
	}

	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void aDisabledAdminCanLoseTheAdminRoleWhileTheLastEnabledAdminKeepsIt() {
		users.create(Username.of("ivan"), "Ivan", Set.of(Role.ADMIN), PASSWORD, ADMIN);
		users.disable(Username.of("ivan"), ADMIN);

		var ivan = users.changeRoles(Username.of("ivan"), Set.of(Role.AUDITOR), ADMIN);

		assertThat(ivan.roles()).containsExactly(Role.AUDITOR);
		assertThat(enabledAdmins()).containsExactly("admin");
	}

	@Test
	void aUserCannotDisableThemselves() {
		users.create(Username.of("judy"), "Judy", Set.of(Role.ENGINEER), PASSWORD, ADMIN);

		assertThatThrownBy(() -> users.disable(Username.of("judy"), Actor.user("judy")))
			.isInstanceOf(IdentityException.class)
			.hasMessageContaining("your own account");

		assertThat(users.find(Username.of("judy")).orElseThrow().enabled()).isTrue();
		assertThat(ledger.about("user:judy", 10)).extracting(EvidenceEntry::action).containsExactly("user.created");
		assertThat(users.disable(Username.of("judy"), ADMIN).enabled()).isFalse();
	}

	@Test
	void changesToAnUnknownUserAreNotFound() {
		assertThatThrownBy(() -> users.changeRoles(Username.of("nobody"), Set.of(Role.ADMIN), ADMIN))
			.isInstanceOfSatisfying(IdentityException.class, ex -> assertThat(ex.isNotFound()).isTrue());
		assertThatThrownBy(() -> users.disable(Username.of("nobody"), ADMIN))
			.isInstanceOfSatisfying(IdentityException.class, ex -> assertThat(ex.isNotFound()).isTrue());
		assertThatThrownBy(() -> users.changePassword(Username.of("nobody"), PASSWORD, ADMIN))
			.isInstanceOfSatisfying(IdentityException.class, ex -> assertThat(ex.isNotFound()).isTrue());
		assertThat(ledger.about("user:nobody", 10)).isEmpty();
	}

	@Test
	void everyChangeIsInTheLedgerAndTheChainStaysIntact() {
		var mallory = Username.of("mallory");
		users.create(mallory, "Mallory", Set.of(Role.ENGINEER), PASSWORD, ADMIN);
		users.changeRoles(mallory, Set.of(Role.ENGINEER, Role.APPROVER), ADMIN);
		users.changePassword(mallory, "a brand new passphrase", Actor.user("mallory"));
		users.disable(mallory, ADMIN);

		var entries = ledger.about("user:mallory", 10);

		assertThat(entries).extracting(EvidenceEntry::action)
			.containsExactly("user.disabled", "user.password-changed", "user.roles-changed", "user.created");
		assertThat(entries).extracting(EvidenceEntry::actor)
			.containsExactly(ADMIN, Actor.user("mallory"), ADMIN, ADMIN);
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.module()).isEqualTo("identity");
			assertThat(entry.payload()).doesNotContain(PASSWORD, "a brand new passphrase", "bcrypt");
		});
		assertThat(entries.getLast().payload()).isEqualTo("{\"displayName\":\"Mallory\",\"roles\":[\"ENGINEER\"]}");
		assertThat(ledger.verify()).isInstanceOf(ChainVerification.Intact.class)
			.extracting(ChainVerification::verified)
			.isEqualTo(ledger.size());
	}

	private String passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private List<String> enabledAdmins() {
		return users.all()
			.stream()
			.filter(u -> u.enabled() && u.has(Role.ADMIN))
			.map(u -> u.username().value())
			.toList();
	}

}
