package io.soc2ops.findings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/**
 * The findings table and its history. The current version of each finding, plus one
 * history row per version soc2ops accepted, kept after AWS has deleted the finding. New
 * findings go in with {@code COPY} on PostgreSQL (an import of a million findings is
 * mostly new rows) and as batched inserts elsewhere.
 */
@Repository
class FindingStore {

	private static final List<String> COLUMNS = List.of("finding_key", "finding_id", "product_arn", "format",
			"account_id", "region", "product_name", "generator_id", "title", "severity", "security_control_id",
			"compliance_status", "record_state", "workflow_status", "resource_type", "resource_id", "first_observed_at",
			"last_observed_at", "created_at", "updated_at", "first_seen_at", "last_changed_at", "channel", "raw_sha256",
			"raw");

	private static final List<String> HISTORY_COLUMNS = List.of("finding_key", "updated_at", "severity",
			"compliance_status", "record_state", "workflow_status", "recorded_at", "channel");

	// the updated_at guard keeps an older version from overwriting a newer one written
	// meanwhile
	private static final List<String> UPDATED_COLUMNS = COLUMNS.stream()
		.filter(column -> !List.of("finding_key", "finding_id", "product_arn", "first_seen_at").contains(column))
		.toList();

	private static final String UPDATE = "UPDATE finding SET " + String.join(" = ?, ", UPDATED_COLUMNS)
			+ " = ? WHERE finding_key = ? AND (updated_at < ? OR (updated_at = ? AND raw_sha256 <> ?))";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final SQLExceptionTranslator translator;

	FindingStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
	}

	/** The stored version of those of the keys already known. */
	Map<String, StoredVersion> versions(Collection<String> keys) {
		var result = new HashMap<String, StoredVersion>();
		if (keys.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT finding_key, updated_at, raw_sha256 FROM finding WHERE finding_key IN (:keys)")
			.param("keys", keys)
			.query((rs, row) -> result.put(rs.getString(1).strip(),
					new StoredVersion(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3).strip())))
			.list();
		return result;
	}

	/** What identifies a stored version: its UpdatedAt and a digest of its content. */
	record StoredVersion(Instant updatedAt, String rawSha256) {

		/** Whether a finding arriving now is a later version than this one. */
		boolean supersededBy(Normalised arriving) {
			Instant updated = arriving.finding().updatedAt();
			return updated.isAfter(updatedAt) || updated.equals(updatedAt) && !arriving.rawSha256().equals(rawSha256);
		}

	}

	/**
	 * Runs the work so that, if it fails, the transaction goes on as if it had not run (a
	 * savepoint): what a retry needs after another transaction stored the same finding.
	 */
	void atomically(Runnable work) {
		withConnection("upsert findings", connection -> {
			var savepoint = connection.setSavepoint();
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				connection.rollback(savepoint);
				throw ex;
			}
			connection.releaseSavepoint(savepoint);
			return null;
		});
	}

	void insert(List<Normalised> findings, IntakeChannel channel, Instant now) {
		if (findings.isEmpty()) {
			return;
		}
		var rows = findings.stream().map(f -> row(f, channel, now)).toList();
		var history = findings.stream().map(f -> historyRow(f, channel, now)).toList();
		withConnection("insert findings", connection -> {
			if (connection.isWrapperFor(PGConnection.class)) {
				var copy = connection.unwrap(PGConnection.class).getCopyAPI();
				copy.copyIn(copyInto("finding", COLUMNS), CopyText.of(rows));
				copy.copyIn(copyInto("finding_history", HISTORY_COLUMNS), CopyText.of(history));
			}
			else {
				batch(connection, insertInto("finding", COLUMNS), rows);
				batch(connection, insertInto("finding_history", HISTORY_COLUMNS), history);
			}
			return null;
		});
	}

	/** Replaces stored findings with newer versions; returns how many were replaced. */
	int update(List<Normalised> findings, IntakeChannel channel, Instant now) {
		if (findings.isEmpty()) {
			return 0;
		}
		var rows = findings.stream().map(f -> updateRow(row(f, channel, now))).toList();
		int[] counts = withConnection("update findings", connection -> batch(connection, UPDATE, rows));
		var replaced = new ArrayList<Object[]>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] != 0) {
				replaced.add(historyRow(findings.get(i), channel, now));
			}
		}
		withConnection("record finding history",
				connection -> batch(connection, insertInto("finding_history", HISTORY_COLUMNS), replaced));
		return replaced.size();
	}

	/**
	 * Deletes findings archived and unchanged since before the cutoff, with their
	 * history. Archived throughout the kept window, they count in no day of it.
	 */
	Purged purgeArchivedBefore(OffsetDateTime cutoff) {
		int history = jdbc
			.sql("DELETE FROM finding_history WHERE finding_key IN (SELECT finding_key FROM finding"
					+ " WHERE record_state = 'ARCHIVED' AND last_changed_at < :cutoff)")
			.param("cutoff", cutoff)
			.update();
		int findings = jdbc.sql("DELETE FROM finding WHERE record_state = 'ARCHIVED' AND last_changed_at < :cutoff")
			.param("cutoff", cutoff)
			.update();
		return new Purged(history, findings);
	}

	/**
	 * Deletes versions accepted before the cutoff that another version accepted before it
	 * replaced. Each finding keeps the version it had at the cutoff, so every day from
	 * the cutoff on can still be replayed.
	 */
	int purgeSupersededBefore(OffsetDateTime cutoff) {
		return jdbc
			.sql("DELETE FROM finding_history WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER"
					+ " (PARTITION BY finding_key ORDER BY recorded_at DESC, id DESC) AS version_rank"
					+ " FROM finding_history WHERE recorded_at < :cutoff) v WHERE v.version_rank > 1)")
			.param("cutoff", cutoff)
			.update();
	}

	record Purged(long historyRows, long findings) {
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single();
	}

	private static Object[] row(Normalised normalised, IntakeChannel channel, Instant now) {
		var f = normalised.finding();
		return new Object[] { normalised.key(), f.key().id(), f.key().productArn(), f.format().name(), f.accountId(),
				f.region(), f.productName(), f.generatorId(), f.title(), f.severity().name(), f.securityControlId(),
				f.compliance() == null ? null : f.compliance().name(), f.recordState().name(),
				f.workflowStatus().name(), f.resource().type(), f.resource().id(), time(f.firstObservedAt()),
				time(f.lastObservedAt()), time(f.createdAt()), time(f.updatedAt()), time(now), time(now),
				channel.name(), normalised.rawSha256(), f.raw() };
	}

	/** The values for {@link #UPDATE}: the updated columns, then the guard's. */
	private static Object[] updateRow(Object[] row) {
		var values = new ArrayList<@Nullable Object>();
		for (String column : UPDATED_COLUMNS) {
			values.add(row[COLUMNS.indexOf(column)]);
		}
		Object updatedAt = row[COLUMNS.indexOf("updated_at")];
		values.addAll(List.of(row[0], updatedAt, updatedAt, row[COLUMNS.indexOf("raw_sha256")]));
		return values.toArray();
	}

	private static Object[] historyRow(Normalised normalised, IntakeChannel channel, Instant now) {
		var f = normalised.finding();
		return new Object[] { normalised.key(), time(f.updatedAt()), f.severity().name(),
				f.compliance() == null ? null : f.compliance().name(), f.recordState().name(),
				f.workflowStatus().name(), time(now), channel.name() };
	}

	private static String insertInto(String table, List<String> columns) {
		return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
	}

	private static String copyInto(String table, List<String> columns) {
		return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
	}

	private static int[] batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
		if (rows.isEmpty()) {
			return new int[0];
		}
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					Object value = row[i];
					if (value == null) {
						// untyped, so that the database takes the column's type (a
						// VARCHAR
						// null is refused for a timestamp column on PostgreSQL)
						statement.setNull(i + 1, Types.NULL);
					}
					else if (value instanceof OffsetDateTime time) {
						statement.setObject(i + 1, time, Types.TIMESTAMP_WITH_TIMEZONE);
					}
					else {
						statement.setString(i + 1, (String) value);
					}
				}
				statement.addBatch();
			}
			return statement.executeBatch();
		}
	}

	private interface Work<T> {

		T run(Connection connection) throws SQLException, IOException;

	}

	private <T> T withConnection(String task, Work<T> work) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return work.run(connection);
		}
		catch (SQLException ex) {
			var translated = translator.translate(task, null, ex);
			throw translated != null ? translated : new IllegalStateException(task + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Rows in PostgreSQL's COPY text format. */
	static final class CopyText {

		private CopyText() {
		}

		static java.io.InputStream of(List<Object[]> rows) {
			var out = new ByteArrayOutputStream(rows.size() * 3072);
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						out.write('\t');
					}
					field(out, row[i]);
				}
				out.write('\n');
			}
			return new java.io.ByteArrayInputStream(out.toByteArray());
		}

		/**
		 * Writes one field as UTF-8, escaping what the text format gives a meaning. The
		 * bytes escaped are ASCII, which never occur inside a multi-byte UTF-8 sequence,
		 * so the text is encoded once and scanned as bytes.
		 */
		static void field(ByteArrayOutputStream out, @Nullable Object value) {
			if (value == null) {
				out.write('\\');
				out.write('N');
				return;
			}
			byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
			int from = 0;
			for (int i = 0; i < bytes.length; i++) {
				byte escaped = switch (bytes[i]) {
					case '\\' -> '\\';
					case '\n' -> 'n';
					case '\r' -> 'r';
					case '\t' -> 't';
					case 0 ->
						throw new IllegalArgumentException("text holds a NUL character, which PostgreSQL cannot store");
					default -> 0;
				};
				if (escaped != 0) {
					out.write(bytes, from, i - from);
					out.write('\\');
					out.write(escaped);
					from = i + 1;
				}
			}
			out.write(bytes, from, bytes.length - from);
		}

	}

}
