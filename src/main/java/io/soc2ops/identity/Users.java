package io.soc2ops.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * The people who use soc2ops and their roles. Every change is recorded in the ledger.
 */
@Service
public class Users {

	static final String SIGN_IN_FAILED = "user.sign-in-failed";

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final EvidenceLedger ledger;

	private final Clock clock;

	private final ApiTokens tokens;

	Users(UserRepository users, PasswordEncoder passwords, EvidenceLedger ledger, Clock clock, ApiTokens tokens) {
		this.tokens = tokens;
		this.users = users;
		this.passwords = passwords;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public User create(Username username, String displayName, Set<Role> roles, String password, Actor by) {
		if (users.exists(username)) {
			throw IdentityException.refused("user '" + username + "' already exists");
		}
		requireRoles(roles);
		requireStrong(password);
		if (displayName.isBlank() || displayName.length() > 200) {
			throw IdentityException.refused("display name must be 1-200 characters");
		}
		// milliseconds: what both databases store exactly, so the user returned is the
		// user stored
		var user = new User(username, displayName.strip(), roles, true, clock.instant().truncatedTo(ChronoUnit.MILLIS));
		users.insert(user, passwords.encode(password));
		record("user.created", username, by, Map.of("roles", names(roles), "displayName", user.displayName()));
		return user;
	}

	@Transactional
	public User changeRoles(Username username, Set<Role> roles, Actor by) {
		var user = require(username);
		requireRoles(roles);
		if (isEnabledAdmin(user) && !roles.contains(Role.ADMIN) && enabledAdmins() == 1) {
			throw IdentityException.refused("'" + username + "' is the last admin; make someone else admin first");
		}
		users.updateRoles(username, roles);
		tokens.forget(username);
		record("user.roles-changed", username, by, Map.of("from", names(user.roles()), "to", names(roles)));
		return require(username);
	}

	@Transactional
	public User disable(Username username, Actor by) {
		var user = require(username);
		if (by.kind() == Actor.Kind.USER && by.name().equals(username.value())) {
			throw IdentityException.refused("you cannot disable your own account");
		}
		if (isEnabledAdmin(user) && enabledAdmins() == 1) {
			throw IdentityException.refused("'" + username + "' is the last admin; make someone else admin first");
		}
		users.updateEnabled(username, false);
		tokens.forget(username);
		record("user.disabled", username, by, Map.of());
		return require(username);
	}

	@Transactional
	public void changePassword(Username username, String newPassword, Actor by) {
		require(username);
		requireStrong(newPassword);
		users.updatePassword(username, passwords.encode(newPassword));
		record("user.password-changed", username, by, Map.of());
	}

	@Transactional(readOnly = true)
	public Optional<User> find(Username username) {
		return users.find(username);
	}

	/**
	 * The enabled person behind an actor, as they are now: empty for a part of the
	 * system, an unknown name or a disabled user.
	 */
	@Transactional(readOnly = true)
	public Optional<User> person(Actor actor) {
		if (actor.kind() != Actor.Kind.USER) {
			return Optional.empty();
		}
		try {
			return users.find(Username.of(actor.name())).filter(User::enabled);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Transactional(readOnly = true)
	public List<User> all() {
		return users.all();
	}

	void recordSignIn(String username, boolean succeeded, String remoteAddress) {
		String subject = subjectFor(username);
		ledger.record(new EvidenceRecord(succeeded ? "user.signed-in" : SIGN_IN_FAILED,
				succeeded ? Actor.user(username) : Actor.system("sign-in"), "identity", subject, today(),
				Map.of("remoteAddress", remoteAddress)));
	}

	private User require(Username username) {
		return users.find(username).orElseThrow(() -> IdentityException.notFound("no user '" + username + "'"));
	}

	private long enabledAdmins() {
		return users.all().stream().filter(Users::isEnabledAdmin).count();
	}

	private static boolean isEnabledAdmin(User user) {
		return user.enabled() && user.has(Role.ADMIN);
	}

	private void record(String action, Username subject, Actor by, Map<String, ?> payload) {
		ledger.record(new EvidenceRecord(action, by, "identity", "user:" + subject, today(), payload));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static void requireRoles(Set<Role> roles) {
		if (roles.isEmpty()) {
			throw IdentityException.refused("a user needs at least one role");
		}
	}

	static void requireStrong(String password) {
		if (password.length() < IdentitySettings.MIN_PASSWORD_LENGTH) {
			throw IdentityException
				.refused("password must be at least " + IdentitySettings.MIN_PASSWORD_LENGTH + " characters");
		}
	}

	private static List<String> names(Set<Role> roles) {
		return EnumSet.copyOf(roles).stream().map(Role::name).toList();
	}

	/**
	 * A failed sign-in carries whatever was typed; keep the ledger subject printable and
	 * short.
	 */
	static String subjectFor(String typed) {
		String cleaned = typed.replaceAll("[^A-Za-z0-9._@+-]", "?");
		return "user:" + (cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned);
	}

}
