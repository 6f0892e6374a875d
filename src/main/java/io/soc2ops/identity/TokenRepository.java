package io.soc2ops.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

	private final JdbcClient jdbc;

	TokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiToken token, String secretHash) {
		jdbc.sql("INSERT INTO api_token (id, username, name, prefix, secret_hash, created_at)"
				+ " VALUES (:id, :u, :n, :p, :h, :c)")
			.param("id", token.id())
			.param("u", token.owner().value())
			.param("n", token.name())
			.param("p", token.prefix())
			.param("h", secretHash)
			.param("c", time(token.createdAt()))
			.update();
	}

	Optional<ApiToken> bySecretHash(String secretHash) {
		return jdbc.sql("SELECT * FROM api_token WHERE secret_hash = :h")
			.param("h", secretHash)
			.query(TokenRepository::token)
			.optional();
	}

	Optional<ApiToken> byId(String id) {
		return jdbc.sql("SELECT * FROM api_token WHERE id = :id")
			.param("id", id)
			.query(TokenRepository::token)
			.optional();
	}

	List<ApiToken> ownedBy(Username owner) {
		return jdbc.sql("SELECT * FROM api_token WHERE username = :u ORDER BY created_at DESC")
			.param("u", owner.value())
			.query(TokenRepository::token)
			.list();
	}

	void markUsed(String id, Instant at) {
		jdbc.sql("UPDATE api_token SET last_used_at = :t WHERE id = :id").param("t", time(at)).param("id", id).update();
	}

	void revoke(String id, Instant at) {
		jdbc.sql("UPDATE api_token SET revoked_at = :t WHERE id = :id AND revoked_at IS NULL")
			.param("t", time(at))
			.param("id", id)
			.update();
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getString("id"), Username.of(rs.getString("username")), rs.getString("name"),
				rs.getString("prefix"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

}
