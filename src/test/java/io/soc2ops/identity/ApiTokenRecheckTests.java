package io.soc2ops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;

/**
 * A token found is trusted for a few seconds before it is read again; what another
 * instance changed in the database meanwhile applies once that time is up.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(MovableClock.Configuration.class)
class ApiTokenRecheckTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void aTokenRevokedByAnotherInstanceStopsWorkingWithinTheRecheckTime() {
		var issued = issue("olga");
		assertThat(tokens.authenticate(issued.secret())).isPresent();

		revokeAsAnotherInstanceWould(issued.token().id());

		assertThat(tokens.authenticate(issued.secret())).as("still trusted from the last read").isPresent();
		clock.set(clock.instant().plus(ApiTokens.RECHECK).plusSeconds(1));
		assertThat(tokens.authenticate(issued.secret())).isEmpty();
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnceOnTheInstanceThatRevokedIt() {
		var issued = issue("pavel");
		assertThat(tokens.authenticate(issued.secret())).isPresent();

		tokens.revoke(issued.token().id(), Actor.user("pavel"), false);

		assertThat(tokens.authenticate(issued.secret())).isEmpty();
	}

	@Test
	void aRoleTakenAwayAppliesAtOnceOnThisInstance() {
		var issued = issue("quinn");
		assertThat(tokens.authenticate(issued.secret())).get().extracting(User::roles).isEqualTo(Set.of(Role.OPERATOR));

		users.changeRoles(Username.of("quinn"), Set.of(Role.AUDITOR), Actor.user("admin"));

		assertThat(tokens.authenticate(issued.secret())).get().extracting(User::roles).isEqualTo(Set.of(Role.AUDITOR));
	}

	private IssuedToken issue(String name) {
		users.create(Username.of(name), name, Set.of(Role.OPERATOR), "correct horse battery", Actor.user("admin"));
		return tokens.issue(Username.of(name), "eventbridge", Actor.user(name));
	}

	private void revokeAsAnotherInstanceWould(String tokenId) {
		jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", tokenId).update();
	}

}
