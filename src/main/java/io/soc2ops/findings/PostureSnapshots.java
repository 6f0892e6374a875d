package io.soc2ops.findings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.catalog.Catalog;
import io.soc2ops.catalog.CheckResult;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * One posture snapshot per day (UTC), so readiness on any day of an audit period can be
 * replayed after AWS has deleted the findings. Today's snapshot is replaced each time it
 * is taken; a past day's, once stored, is never rewritten. A past day that has none is
 * replayed from the finding history only where that is exact, and each snapshot is one
 * ledger entry.
 */
@Service
public class PostureSnapshots {

	static final String ACTION = "posture.snapshot-taken";

	static final String SUBJECT_PREFIX = "posture:";

	static final Actor TAKER = Actor.system("posture-snapshot");

	private final SnapshotStore store;

	private final EvidenceLedger ledger;

	private final Catalog catalog;

	private final Clock clock;

	private final RetentionWindow window;

	PostureSnapshots(SnapshotStore store, EvidenceLedger ledger, Catalog catalog, Clock clock, RetentionWindow window) {
		this.store = store;
		this.ledger = ledger;
		this.catalog = catalog;
		this.clock = clock;
		this.window = window;
	}

	/**
	 * Takes the day's snapshot. Today's is taken from the findings as they stand now
	 * (replacing an earlier one of today); a past day that already has one keeps it; a
	 * past day without one is replayed from the history if {@link #replayableFrom()}
	 * covers it.
	 * @throws IllegalArgumentException for a future day, or a past day that cannot be
	 * replayed exactly
	 */
	@Transactional
	public PostureSnapshot take(LocalDate day) {
		var today = today();
		if (day.isAfter(today)) {
			throw new IllegalArgumentException(
					"no snapshot can be taken for " + day + ": it is after today (" + today + " UTC)");
		}
		if (day.equals(today)) {
			store.delete(day);
			return write(day, SnapshotStore.VersionTime.NOW, SnapshotSource.TAKEN, TAKER);
		}
		var existing = store.header(day);
		if (existing.isPresent()) {
			return existing.get();
		}
		var from = replayableFrom();
		if (from.isEmpty() || day.isBefore(from.get())) {
			throw new IllegalArgumentException("no snapshot for " + day + " and it cannot be replayed exactly: "
					+ from.map(d -> "the finding history is complete from " + d + " on")
						.orElse("soc2ops held no findings before today"));
		}
		return write(day, SnapshotStore.VersionTime.RECORDED_AT, SnapshotSource.REPLAYED, TAKER);
	}

	/**
	 * The demo's history: a past day's snapshot drawn from the demo findings' own
	 * UpdatedAt dates, marked {@link SnapshotSource#DEMO}. Dating versions by UpdatedAt
	 * is not exact for real findings (versions soc2ops never saw, suppressions that keep
	 * UpdatedAt), so it is refused once any finding came in another way than the demo.
	 */
	@Transactional
	public PostureSnapshot takeForDemo(LocalDate day, Actor by) {
		if (!day.isBefore(today())) {
			throw new IllegalArgumentException("demo snapshots are for past days; " + day + " is not");
		}
		if (store.holdsFindingsBesidesTheDemo()) {
			throw new IllegalStateException("demo snapshots are refused: findings other than the demo's are stored");
		}
		return store.header(day)
			.orElseGet(() -> write(day, SnapshotStore.VersionTime.UPDATED_AT, SnapshotSource.DEMO, by));
	}

	@Transactional(readOnly = true)
	public Optional<PostureSnapshot> on(LocalDate day) {
		return store.header(day);
	}

	/** The snapshots of the days from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	public List<PostureSnapshot> between(LocalDate from, LocalDate to) {
		return store.headers(from, to);
	}

	/**
	 * Check results per Security Hub control for each day in the range that has a
	 * snapshot; a day without one is not a key.
	 */
	@Transactional(readOnly = true)
	public Map<LocalDate, Map<String, CheckResult>> resultsBetween(LocalDate from, LocalDate to) {
		var results = new TreeMap<LocalDate, Map<String, CheckResult>>();
		store.headers(from, to).forEach(h -> results.put(h.day(), new HashMap<>()));
		for (var count : store.perControl(from, to)) {
			results.computeIfAbsent(count.day(), d -> new HashMap<>())
				.put(count.securityHubControlId(),
						new CheckResult(count.securityHubControlId(), count.failing(), count.passing()));
		}
		return results;
	}

	/** Failing resources of one control on one day, per account and region. */
	@Transactional(readOnly = true)
	public List<SecurityHubPosture.ScopeCount> failingByScope(LocalDate day, String securityHubControlId) {
		return store.failingByScope(day, securityHubControlId);
	}

	/**
	 * The first day a missing snapshot can be replayed exactly: from the first version
	 * soc2ops accepted, and not before the cutoff of the last purge (older superseded
	 * versions are gone). Empty while there is no history.
	 */
	@Transactional(readOnly = true)
	public Optional<LocalDate> replayableFrom() {
		return store.firstHistoryDay().map(first -> window.lastPurgeCutoff().filter(first::isBefore).orElse(first));
	}

	private PostureSnapshot write(LocalDate day, SnapshotStore.VersionTime time, SnapshotSource source, Actor by) {
		var totals = store.insertCounts(day, time);
		var entry = ledger.record(new EvidenceRecord(ACTION, by, "findings", SUBJECT_PREFIX + day, day,
				Map.of("day", day.toString(), "source", source.name(), "controls", totals.controls(),
						"failingResources", totals.failingResources(), "catalog", catalog.version())));
		var snapshot = new PostureSnapshot(day, source, entry.recordedAt(), catalog.version(), totals.controls(),
				totals.failingResources(), entry.sequence());
		store.insertHeader(snapshot);
		return snapshot;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
