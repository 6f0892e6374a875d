package io.soc2ops.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's table. Only inserts: there is deliberately no update or delete here, and
 * the database refuses them too (a trigger on both H2 and PostgreSQL).
 */
@Repository
class LedgerEntries {

	private static final String COLUMNS = "sequence, recorded_at, evidence_for, action, actor, module, subject, payload, previous_hash, hash";

	private final JdbcClient jdbc;

	LedgerEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the head row so appends are serialised across threads and instances. */
	Head lockHead() {
		return jdbc.sql("SELECT sequence, hash FROM evidence_head WHERE id = 1 FOR UPDATE")
			.query((rs, row) -> new Head(rs.getLong("sequence"), rs.getString("hash")))
			.single();
	}

	Head head() {
		return jdbc.sql("SELECT sequence, hash FROM evidence_head WHERE id = 1")
			.query((rs, row) -> new Head(rs.getLong("sequence"), rs.getString("hash")))
			.single();
	}

	void append(EvidenceEntry entry) {
		jdbc.sql("INSERT INTO evidence_entry (" + COLUMNS + ") VALUES (:sequence, :recordedAt, :evidenceFor, :action,"
				+ " :actor, :module, :subject, :payload, :previousHash, :hash)")
			.param("sequence", entry.sequence())
			.param("recordedAt", OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
			.param("evidenceFor", entry.evidenceFor())
			.param("action", entry.action())
			.param("actor", entry.actor().toString())
			.param("module", entry.module())
			.param("subject", entry.subject())
			.param("payload", entry.payload())
			.param("previousHash", entry.previousHash())
			.param("hash", entry.hash())
			.update();
		jdbc.sql("UPDATE evidence_head SET sequence = :sequence, hash = :hash WHERE id = 1")
			.param("sequence", entry.sequence())
			.param("hash", entry.hash())
			.update();
	}

	void forEachInOrder(Consumer<EvidenceEntry> action) {
		try (Stream<EvidenceEntry> entries = jdbc.sql("SELECT " + COLUMNS + " FROM evidence_entry ORDER BY sequence")
			.withFetchSize(500)
			.query(LedgerEntries::entry)
			.stream()) {
			entries.forEach(action);
		}
	}

	Optional<EvidenceEntry> bySequence(long sequence) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_entry WHERE sequence = :sequence")
			.param("sequence", sequence)
			.query(LedgerEntries::entry)
			.optional();
	}

	List<EvidenceEntry> forSubject(String subject, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM evidence_entry WHERE subject = :subject ORDER BY sequence DESC"
					+ " FETCH FIRST :limit ROWS ONLY")
			.param("subject", subject)
			.param("limit", limit)
			.query(LedgerEntries::entry)
			.list();
	}

	List<EvidenceEntry> latestPerSubject(String subjectPrefix, String action) {
		// latest by the day it is evidence for, then by recording order: a test
		// back-filled for
		// last month does not displace the one performed today
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM evidence_entry e WHERE e.action = :action AND e.subject LIKE :prefix"
				+ " AND NOT EXISTS (SELECT 1 FROM evidence_entry n WHERE n.subject = e.subject AND n.action = e.action"
				+ " AND (n.evidence_for > e.evidence_for OR (n.evidence_for = e.evidence_for AND n.sequence > e.sequence)))")
			.param("action", action)
			.param("prefix", escapeLike(subjectPrefix) + "%")
			.query(LedgerEntries::entry)
			.list();
	}

	List<EvidenceEntry> withAction(String subjectPrefix, String action, LocalDate through) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM evidence_entry WHERE action = :action AND subject LIKE :prefix"
					+ " AND evidence_for <= :through ORDER BY evidence_for, sequence")
			.param("action", action)
			.param("prefix", escapeLike(subjectPrefix) + "%")
			.param("through", through)
			.query(LedgerEntries::entry)
			.list();
	}

	long countSince(String subject, String action, Instant since) {
		return jdbc
			.sql("SELECT COUNT(*) FROM evidence_entry WHERE subject = :subject AND action = :action"
					+ " AND recorded_at >= :since")
			.param("subject", subject)
			.param("action", action)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	List<SubjectCount> countsPerSubject(String subjectPrefix) {
		return countsPerSubject(subjectPrefix, LocalDate.of(9999, 12, 31));
	}

	List<SubjectCount> countsPerSubject(String subjectPrefix, LocalDate through) {
		return jdbc
			.sql("SELECT subject, COUNT(*) AS entries, MAX(evidence_for) AS latest FROM evidence_entry"
					+ " WHERE subject LIKE :prefix AND evidence_for <= :through GROUP BY subject")
			.param("prefix", escapeLike(subjectPrefix) + "%")
			.param("through", through)
			.query((rs, row) -> new SubjectCount(rs.getString("subject"), rs.getLong("entries"),
					rs.getObject("latest", LocalDate.class)))
			.list();
	}

	List<EvidenceEntry> page(long beforeSequence, int size) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM evidence_entry WHERE sequence < :before ORDER BY sequence DESC"
					+ " FETCH FIRST :size ROWS ONLY")
			.param("before", beforeSequence)
			.param("size", size)
			.query(LedgerEntries::entry)
			.list();
	}

	private static String escapeLike(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static EvidenceEntry entry(ResultSet rs, int row) throws SQLException {
		return new EvidenceEntry(rs.getLong("sequence"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				rs.getObject("evidence_for", LocalDate.class), rs.getString("action"),
				Actor.parse(rs.getString("actor")), rs.getString("module"), rs.getString("subject"),
				rs.getString("payload"), rs.getString("previous_hash"), rs.getString("hash"));
	}

	record Head(long sequence, String hash) {
	}

}
