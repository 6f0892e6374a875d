package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The stored credential reports: an {@code access_inventory_sync} row each (source
 * {@code CREDENTIAL_REPORT}), its digest, its user lines as AWS wrote them; and the
 * IAM_USER holdings worked out from the newest report of each account.
 */
@Repository
class CredentialReportStore {

	static final String SOURCE = "CREDENTIAL_REPORT";

	private static final String INSERT_USER = "INSERT INTO access_credential_user (sync_id, account_id, line, "
			+ String.join(", ", CredentialUser.COLUMNS).replace("user, arn,", "user_name, arn,") + ") VALUES (?, ?, ?"
			+ ", ?".repeat(CredentialUser.COLUMNS.size()) + ")";

	/** A stored report. */
	record StoredReport(long syncId, String accountId, Instant generatedAt, String sha256, int users) {
	}

	/** How the holdings changed. */
	record HoldingChanges(int added, int gone) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	CredentialReportStore(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	Optional<StoredReport> at(String accountId, Instant generatedAt) {
		return jdbc.sql("SELECT * FROM access_credential_report WHERE account_id = :account AND generated_at = :at")
			.param("account", accountId)
			.param("at", time(generatedAt))
			.query(CredentialReportStore::report)
			.list()
			.stream()
			.findFirst();
	}

	long insert(String accountId, Instant generatedAt, String origin, String sha256, List<CredentialUser> users) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO access_inventory_sync (source, scope, taken_at, origin, complete, objects, detail)"
				+ " VALUES (:source, :scope, :at, :origin, TRUE, :objects, :detail)")
			.param("source", SOURCE)
			.param("scope", accountId)
			.param("at", time(generatedAt))
			.param("origin", origin.length() > 512 ? origin.substring(0, 512) : origin)
			.param("objects", users.size())
			.param("detail", "sha256 " + sha256)
			.update(keys, "id");
		long syncId = keys.getKeyAs(Long.class);
		jdbc.sql("INSERT INTO access_credential_report (sync_id, account_id, generated_at, sha256, users)"
				+ " VALUES (:sync, :account, :at, :sha, :users)")
			.param("sync", syncId)
			.param("account", accountId)
			.param("at", time(generatedAt))
			.param("sha", sha256)
			.param("users", users.size())
			.update();
		var rows = new ArrayList<Object[]>(users.size());
		for (var user : users) {
			var row = new ArrayList<Object>(List.of(syncId, accountId, user.line()));
			row.addAll(user.values());
			rows.add(row.toArray());
		}
		for (int from = 0; from < rows.size(); from += 1000) {
			batches.batchUpdate(INSERT_USER, rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
		return syncId;
	}

	/** The newest report of an account (the later-stored of two generated at once). */
	Optional<StoredReport> newest(String accountId) {
		return jdbc
			.sql("SELECT * FROM access_credential_report WHERE account_id = :account"
					+ " ORDER BY generated_at DESC, sync_id DESC LIMIT 1")
			.param("account", accountId)
			.query(CredentialReportStore::report)
			.optional();
	}

	/** The newest report of every account, by account. */
	List<StoredReport> newestOfEach() {
		return jdbc
			.sql("SELECT r.* FROM access_credential_report r WHERE NOT EXISTS (SELECT 1 FROM access_credential_report"
					+ " o WHERE o.account_id = r.account_id AND (o.generated_at > r.generated_at OR"
					+ " (o.generated_at = r.generated_at AND o.sync_id > r.sync_id))) ORDER BY r.account_id")
			.query(CredentialReportStore::report)
			.list();
	}

	List<CredentialUser> users(StoredReport report) {
		return jdbc.sql("SELECT * FROM access_credential_user WHERE sync_id = :sync ORDER BY line")
			.param("sync", report.syncId())
			.query((rs, row) -> {
				var values = new ArrayList<String>(CredentialUser.COLUMNS.size());
				for (String column : CredentialUser.COLUMNS) {
					values.add(rs.getString(column.equals("user") ? "user_name" : column));
				}
				return CredentialUser.of(rs.getInt("line"), values, report.accountId());
			})
			.list();
	}

	/**
	 * Brings the account's current IAM_USER holdings in line with the users of its newest
	 * report: one per user with a password or an active access key, the root user never.
	 */
	HoldingChanges deriveHoldings(String accountId, List<CredentialUser> users, Instant seenAt) {
		var wanted = new HashMap<String, CredentialUser>();
		users.stream()
			.filter(CredentialUser::holdsAccess)
			.forEach(user -> wanted.put(key(user.user(), user.arn()), user));
		var current = jdbc.sql(
				"SELECT id, principal, entitlement_ref FROM access_holding WHERE kind = :kind AND account_id = :account"
						+ " AND gone_at IS NULL")
			.param("kind", HoldingKind.IAM_USER.name())
			.param("account", accountId)
			.query((rs, row) -> Map.entry(key(rs.getString("principal"), rs.getString("entitlement_ref")),
					rs.getLong("id")))
			.list();
		int gone = 0;
		for (var holding : current) {
			if (wanted.remove(holding.getKey()) == null) {
				gone += jdbc.sql("UPDATE access_holding SET gone_at = :at WHERE id = :id AND gone_at IS NULL")
					.param("at", time(seenAt))
					.param("id", holding.getValue())
					.update();
			}
		}
		var added = new ArrayList<>(wanted.values());
		Collections.sort(added, java.util.Comparator.comparingInt(CredentialUser::line));
		for (var user : added) {
			jdbc.sql("INSERT INTO access_holding (kind, account_id, person, principal, entitlement, entitlement_ref,"
					+ " via, first_seen) VALUES (:kind, :account, :person, :principal, :entitlement, :ref, '', :at)")
				.param("kind", HoldingKind.IAM_USER.name())
				.param("account", accountId)
				.param("person", new PersonKey(user.user()).value())
				.param("principal", user.user())
				.param("entitlement", HoldingKind.IAM_USER_ENTITLEMENT)
				.param("ref", user.arn())
				.param("at", time(seenAt))
				.update();
		}
		return new HoldingChanges(added.size(), gone);
	}

	private static String key(String principal, String arn) {
		return principal + "\n" + arn;
	}

	static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static StoredReport report(ResultSet rs, int row) throws SQLException {
		return new StoredReport(rs.getLong("sync_id"), rs.getString("account_id").strip(),
				rs.getObject("generated_at", OffsetDateTime.class).toInstant(), rs.getString("sha256"),
				rs.getInt("users"));
	}

}
