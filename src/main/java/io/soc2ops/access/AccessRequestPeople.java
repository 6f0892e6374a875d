package io.soc2ops.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.User;
import io.soc2ops.identity.Users;

/**
 * Who is who for access requests: the person key of a soc2ops user
 * ({@code access_person.soc2ops_user}), and whether an actor holds a capability now (not
 * only when their session began).
 */
@Component
class AccessRequestPeople {

	private final JdbcClient jdbc;

	private final Users users;

	AccessRequestPeople(JdbcClient jdbc, Users users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** The person a soc2ops user is, when one is linked to them. */
	Optional<PersonKey> personOf(Actor actor) {
		if (actor.kind() != Actor.Kind.USER) {
			return Optional.empty();
		}
		List<String> people = jdbc.sql("SELECT person FROM access_person WHERE soc2ops_user = :user ORDER BY person")
			.param("user", actor.name())
			.query(String.class)
			.list();
		return people.stream().findFirst().map(PersonKey::new);
	}

	/** Whether the actor is that person: linked to them, or signing in by that name. */
	boolean is(Actor actor, PersonKey person) {
		if (actor.kind() != Actor.Kind.USER) {
			return false;
		}
		if (person.value().equals(actor.name().toLowerCase(java.util.Locale.ROOT))) {
			return true;
		}
		return jdbc.sql("SELECT COUNT(*) FROM access_person WHERE person = :person AND soc2ops_user = :user")
			.param("person", person.value())
			.param("user", actor.name())
			.query(Long.class)
			.single() > 0;
	}

	boolean may(Actor actor, Capability capability) {
		var roles = users.person(actor).map(User::roles).orElse(Set.<Role>of());
		return capability.allows(roles);
	}

	/**
	 * @throws AccessRefused (FORBIDDEN) unless a person holding the capability
	 */
	void require(Actor actor, Capability capability, String what) {
		if (actor.kind() != Actor.Kind.USER) {
			throw AccessRefused.forbidden(actor + " may not " + what + ": that takes a person");
		}
		if (!may(actor, capability)) {
			throw AccessRefused.forbidden(
					actor.name() + " may not " + what + " (that needs one of the roles " + capability.roles() + ")");
		}
	}

}
