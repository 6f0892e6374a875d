package io.soc2ops.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module API every other module calls to record evidence, and the checks an auditor
 * relies on.
 */
@Service
public class EvidenceLedger {

	private final LedgerEntries entries;

	private final Clock clock;

	EvidenceLedger(LedgerEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Appends a record to the chain. Joins the caller's transaction, so the evidence is
	 * stored exactly when the operation it proves is.
	 */
	@Transactional
	public EvidenceEntry record(EvidenceRecord record) {
		var head = entries.lockHead();
		long sequence = head.sequence() + 1;
		// milliseconds: both databases keep them exactly, so the hash recomputes the same
		Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String payload = CanonicalJson.write(record.payload());
		String hash = ChainHash.of(sequence, recordedAt, record.evidenceFor(), record.action(), record.actor(),
				record.module(), record.subject(), payload, head.hash());
		var entry = new EvidenceEntry(sequence, recordedAt, record.evidenceFor(), record.action(), record.actor(),
				record.module(), record.subject(), payload, head.hash(), hash);
		entries.append(entry);
		return entry;
	}

	/**
	 * Recomputes every hash in order and names the first entry that does not hold.
	 * Streams the ledger, so its size does not matter for memory.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		var walk = new ChainWalk();
		entries.forEachInOrder(walk::check);
		return walk.result(entries.head());
	}

	@Transactional(readOnly = true)
	public Optional<EvidenceEntry> entry(long sequence) {
		return entries.bySequence(sequence);
	}

	@Transactional(readOnly = true)
	public List<EvidenceEntry> about(String subject, int limit) {
		return entries.forSubject(subject, Math.clamp(limit, 1, 1000));
	}

	/** Newest first, {@code size} entries older than {@code beforeSequence}. */
	@Transactional(readOnly = true)
	public List<EvidenceEntry> page(long beforeSequence, int size) {
		return entries.page(beforeSequence, Math.clamp(size, 1, 500));
	}

	/**
	 * The latest entry with this action for each subject that starts with the prefix: the
	 * one for the most recent day, and of those the last recorded.
	 */
	@Transactional(readOnly = true)
	public Map<String, EvidenceEntry> latestPerSubject(String subjectPrefix, String action) {
		return entries.latestPerSubject(subjectPrefix, action)
			.stream()
			.collect(Collectors.toMap(EvidenceEntry::subject, Function.identity()));
	}

	/**
	 * Every entry with this action about a subject that starts with the prefix and is
	 * evidence for a day up to {@code through}: oldest day first, in recording order
	 * within a day.
	 */
	@Transactional(readOnly = true)
	public List<EvidenceEntry> withAction(String subjectPrefix, String action, LocalDate through) {
		return entries.withAction(subjectPrefix, action, through);
	}

	/**
	 * How much evidence existed per subject that starts with the prefix, counting what is
	 * evidence for a day up to {@code through}.
	 */
	@Transactional(readOnly = true)
	public Map<String, SubjectCount> countsPerSubject(String subjectPrefix, LocalDate through) {
		return entries.countsPerSubject(subjectPrefix, through)
			.stream()
			.collect(Collectors.toMap(SubjectCount::subject, Function.identity()));
	}

	/** How much evidence exists per subject that starts with the prefix. */
	@Transactional(readOnly = true)
	public Map<String, SubjectCount> countsPerSubject(String subjectPrefix) {
		return entries.countsPerSubject(subjectPrefix)
			.stream()
			.collect(Collectors.toMap(SubjectCount::subject, Function.identity()));
	}

	/**
	 * How many entries with this action about this subject were recorded since a moment.
	 */
	@Transactional(readOnly = true)
	public long countSince(String subject, String action, Instant since) {
		return entries.countSince(subject, action, since);
	}

	@Transactional(readOnly = true)
	public long size() {
		return entries.head().sequence();
	}

}
