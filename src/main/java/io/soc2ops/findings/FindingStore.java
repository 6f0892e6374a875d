package io.soc2ops.findings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The findings table and its history. The current version of each finding, plus one
 * history row per version soc2ops accepted, kept after AWS has deleted the finding.
 */
@Repository
class FindingStore {

	private static final String INSERT = "INSERT INTO finding (finding_key, finding_id, product_arn, format, account_id,"
			+ " region, product_name, generator_id, title, severity, security_control_id, compliance_status, record_state,"
			+ " workflow_status, resource_type, resource_id, first_observed_at, last_observed_at, created_at, updated_at,"
			+ " first_seen_at, last_changed_at, channel, raw_sha256, raw) VALUES (:key, :id, :productArn, :format, :account, :region,"
			+ " :product, :generator, :title, :severity, :control, :compliance, :recordState, :workflow, :resourceType,"
			+ " :resourceId, :firstObserved, :lastObserved, :created, :updated, :now, :now, :channel, :rawSha256, :raw)";

	// the updated_at guard keeps an older version from overwriting a newer one written
	// meanwhile
	private static final String UPDATE = "UPDATE finding SET format = :format, account_id = :account, region = :region,"
			+ " product_name = :product, generator_id = :generator, title = :title, severity = :severity,"
			+ " security_control_id = :control, compliance_status = :compliance, record_state = :recordState,"
			+ " workflow_status = :workflow, resource_type = :resourceType, resource_id = :resourceId,"
			+ " first_observed_at = :firstObserved, last_observed_at = :lastObserved, created_at = :created,"
			+ " updated_at = :updated, last_changed_at = :now, channel = :channel, raw_sha256 = :rawSha256, raw = :raw"
			+ " WHERE finding_key = :key AND (updated_at < :updated OR (updated_at = :updated AND raw_sha256 <> :rawSha256))";

	private static final String HISTORY = "INSERT INTO finding_history (finding_key, updated_at, severity,"
			+ " compliance_status, record_state, workflow_status, recorded_at, channel)"
			+ " VALUES (:key, :updated, :severity, :compliance, :recordState, :workflow, :now, :channel)";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	FindingStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
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
		boolean supersededBy(Finding finding) {
			return finding.updatedAt().isAfter(updatedAt)
					|| finding.updatedAt().equals(updatedAt) && !FindingStore.sha256(finding.raw()).equals(rawSha256);
		}

	}

	void insert(List<Finding> findings, IntakeChannel channel, Instant now) {
		batch.batchUpdate(INSERT, parameters(findings, channel, now));
		batch.batchUpdate(HISTORY, parameters(findings, channel, now));
	}

	/** Replaces stored findings with newer versions; returns how many were replaced. */
	int update(List<Finding> findings, IntakeChannel channel, Instant now) {
		int[] counts = batch.batchUpdate(UPDATE, parameters(findings, channel, now));
		var replaced = new ArrayList<Finding>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] != 0) {
				replaced.add(findings.get(i));
			}
		}
		batch.batchUpdate(HISTORY, parameters(replaced, channel, now));
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

	private static MapSqlParameterSource[] parameters(List<Finding> findings, IntakeChannel channel, Instant now) {
		return findings.stream().map(f -> parameters(f, channel, now)).toArray(MapSqlParameterSource[]::new);
	}

	private static MapSqlParameterSource parameters(Finding f, IntakeChannel channel, Instant now) {
		return new MapSqlParameterSource().addValue("key", f.key().digest())
			.addValue("id", f.key().id())
			.addValue("productArn", f.key().productArn())
			.addValue("format", f.format().name())
			.addValue("account", f.accountId())
			.addValue("region", f.region())
			.addValue("product", f.productName())
			.addValue("generator", f.generatorId())
			.addValue("title", f.title())
			.addValue("severity", f.severity().name())
			.addValue("control", f.securityControlId())
			.addValue("compliance", f.compliance() == null ? null : f.compliance().name())
			.addValue("recordState", f.recordState().name())
			.addValue("workflow", f.workflowStatus().name())
			.addValue("resourceType", f.resource().type())
			.addValue("resourceId", f.resource().id())
			.addValue("firstObserved", time(f.firstObservedAt()))
			.addValue("lastObserved", time(f.lastObservedAt()))
			.addValue("created", time(f.createdAt()))
			.addValue("updated", time(f.updatedAt()))
			.addValue("now", time(now))
			.addValue("channel", channel.name())
			.addValue("rawSha256", sha256(f.raw()))
			.addValue("raw", f.raw());
	}

	private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
