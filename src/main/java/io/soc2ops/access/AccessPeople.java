package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * The people directory: the humans behind Identity Center and IAM users, who manages
 * each, which soc2ops user each is, and when they left. The inventory and credential
 * reports add people; ADMIN and OPERATOR change them, each change in the ledger.
 */
@Service
public class AccessPeople {

	private final JdbcClient jdbc;

	private final Users users;

	private final EvidenceLedger ledger;

	private final Clock clock;

	AccessPeople(JdbcClient jdbc, Users users, EvidenceLedger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * People whose key, display name or e-mail contains {@code search} (all when blank),
	 * by key.
	 */
	public List<AccessPerson> list(String search, int limit) {
		String like = "%"
				+ search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return jdbc
			.sql("SELECT * FROM access_person WHERE person LIKE :like ESCAPE '\\' OR LOWER(display_name) LIKE :like"
					+ " ESCAPE '\\' OR LOWER(email) LIKE :like ESCAPE '\\' ORDER BY person LIMIT :limit")
			.param("like", like)
			.param("limit", Math.max(1, Math.min(limit, 1000)))
			.query(AccessPeople::person)
			.list();
	}

	public Optional<AccessPerson> find(PersonKey person) {
		return jdbc.sql("SELECT * FROM access_person WHERE person = :person")
			.param("person", person.value())
			.query(AccessPeople::person)
			.optional();
	}

	/**
	 * Sets a person's manager, soc2ops user and leaving day.
	 * @throws AccessRefused when there is no such person or user, or {@code by} may not
	 */
	@Transactional
	public AccessPerson change(PersonKey person, PersonChange change, Actor by) {
		if (by.kind() == Actor.Kind.USER
				&& users.person(by).filter(user -> Capability.MANAGE_PEOPLE.allows(user.roles())).isEmpty()) {
			throw AccessRefused.forbidden(by.name() + " may not change the people directory");
		}
		var before = find(person).orElseThrow(() -> AccessRefused.notFound("person " + person + " is not known"));
		var manager = change.manager().map(name -> user("manager", name, true));
		var soc2opsUser = change.soc2opsUser().map(name -> user("soc2opsUser", name, false));
		Instant now = clock.instant();
		jdbc.sql("UPDATE access_person SET manager = :manager, soc2ops_user = :user, left_on = :left,"
				+ " updated_at = :now WHERE person = :person")
			.param("manager", manager.orElse(null))
			.param("user", soc2opsUser.orElse(null))
			.param("left", change.leftOn().orElse(null))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("person", person.value())
			.update();
		var after = find(person).orElseThrow();
		var payload = new LinkedHashMap<String, Object>();
		payload.put("manager", after.manager().orElse(""));
		payload.put("soc2opsUser", after.soc2opsUser().orElse(""));
		payload.put("leftOn", after.leftOn().map(LocalDate::toString).orElse(""));
		payload.put("before", List.of(before.manager().orElse(""), before.soc2opsUser().orElse(""),
				before.leftOn().map(LocalDate::toString).orElse("")));
		ledger.record(new EvidenceRecord("access.person-changed", by, "access", "access-person:" + person,
				LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
		return after;
	}

	/** Adds a person unless the key is known already; true when added. */
	boolean ensure(PersonKey person, String displayName, Instant at) {
		return jdbc
			.sql("INSERT INTO access_person (person, display_name, updated_at) SELECT :person, :name, :at"
					+ " WHERE NOT EXISTS (SELECT 1 FROM access_person WHERE person = :person)")
			.param("person", person.value())
			.param("name", displayName.length() > 256 ? displayName.substring(0, 256) : displayName)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update() == 1;
	}

	/** Records the leaving day an offboarding was started with. */
	void leaves(PersonKey person, LocalDate leftOn, Instant at) {
		jdbc.sql("UPDATE access_person SET left_on = :left, updated_at = :at WHERE person = :person")
			.param("left", leftOn)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("person", person.value())
			.update();
	}

	private String user(String field, String name, boolean enabled) {
		Username username;
		try {
			username = Username.of(name.strip());
		}
		catch (IllegalArgumentException ex) {
			throw AccessRefused.invalid(field + ": '" + name + "' is not a soc2ops username");
		}
		var user = users.find(username)
			.orElseThrow(() -> AccessRefused.invalid(field + ": there is no soc2ops user '" + username + "'"));
		if (enabled && !user.enabled()) {
			throw AccessRefused.invalid(field + ": soc2ops user '" + username + "' is disabled");
		}
		return user.username().value();
	}

	static AccessPerson person(ResultSet rs, int row) throws SQLException {
		var left = rs.getObject("left_on", LocalDate.class);
		return new AccessPerson(new PersonKey(rs.getString("person")), rs.getString("display_name"),
				Optional.ofNullable(rs.getString("email")), Optional.ofNullable(rs.getString("soc2ops_user")),
				Optional.ofNullable(rs.getString("manager")), Optional.ofNullable(left),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
