package io.soc2ops.findings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Keeps finding history and posture snapshots for {@code soc2ops.findings.retention}
 * (default three years) and no longer. Meant to run daily; the evidence ledger is never
 * touched, only recorded to.
 */
@Service
@EnableConfigurationProperties(FindingsSettings.class)
public class FindingRetention {

	static final Actor PURGER = Actor.system("finding-retention");

	private final FindingStore findings;

	private final SnapshotStore snapshots;

	private final EvidenceLedger ledger;

	private final FindingsSettings settings;

	private final Clock clock;

	FindingRetention(FindingStore findings, SnapshotStore snapshots, EvidenceLedger ledger, FindingsSettings settings,
			Clock clock) {
		this.findings = findings;
		this.snapshots = snapshots;
		this.ledger = ledger;
		this.settings = settings;
		this.clock = clock;
	}

	/** The first day inside the retention window today. */
	public LocalDate cutoff() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minus(settings.retention());
	}

	/**
	 * Deletes what lies wholly before the cutoff: finding versions that a version also
	 * accepted before it replaced, snapshots of days before it, and findings archived and
	 * unchanged since before it. Nothing any day from the cutoff on depends on is
	 * touched. One ledger entry records the counts.
	 */
	@Transactional
	public RetentionPurge purge() {
		var cutoff = cutoff();
		var start = cutoff.atStartOfDay().atOffset(ZoneOffset.UTC);
		var archived = findings.purgeArchivedBefore(start);
		long history = archived.historyRows() + findings.purgeSupersededBefore(start);
		long days = snapshots.deleteBefore(cutoff);
		var entry = ledger.record(new EvidenceRecord(RetentionWindow.PURGED, PURGER, "findings",
				RetentionWindow.SUBJECT, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
				Map.of("retention", settings.retention().toString(), "cutoff", cutoff.toString(), "historyRows",
						history, "findings", archived.findings(), "snapshots", days)));
		return new RetentionPurge(settings.retention(), cutoff, history, archived.findings(), days, entry.sequence());
	}

}
