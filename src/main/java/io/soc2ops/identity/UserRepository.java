package io.soc2ops.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	boolean exists(Username username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
			.param("u", username.value())
			.query(Long.class)
			.single() > 0;
	}

	void insert(User user, String passwordHash) {
		jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, roles, enabled, created_at)"
				+ " VALUES (:u, :d, :p, :r, :e, :c)")
			.param("u", user.username().value())
			.param("d", user.displayName())
			.param("p", passwordHash)
			.param("r", roles(user.roles()))
			.param("e", user.enabled())
			.param("c", OffsetDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC))
			.update();
	}

	void updateRoles(Username username, Set<Role> roles) {
		jdbc.sql("UPDATE app_user SET roles = :r WHERE username = :u")
			.param("r", roles(roles))
			.param("u", username.value())
			.update();
	}

	void updateEnabled(Username username, boolean enabled) {
		jdbc.sql("UPDATE app_user SET enabled = :e WHERE username = :u")
			.param("e", enabled)
			.param("u", username.value())
			.update();
	}

	void updatePassword(Username username, String passwordHash) {
		jdbc.sql("UPDATE app_user SET password_hash = :p WHERE username = :u")
			.param("p", passwordHash)
			.param("u", username.value())
			.update();
	}

	Optional<User> find(Username username) {
		return jdbc.sql("SELECT * FROM app_user WHERE username = :u")
			.param("u", username.value())
			.query(UserRepository::user)
			.optional();
	}

	Optional<String> passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.optional();
	}

	List<User> all() {
		return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(UserRepository::user).list();
	}

	private static String roles(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	private static User user(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = Arrays.stream(rs.getString("roles").split(","))
			.filter(r -> !r.isBlank())
			.map(Role::valueOf)
			.collect(Collectors.toSet());
		return new User(Username.of(rs.getString("username")), rs.getString("display_name"), roles,
				rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
