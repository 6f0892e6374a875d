package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.soc2ops.catalog.CatalogException;
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Collects Security Hub into soc2ops: for every account and Region in scope, the findings
 * updated since the last successful sync (through the findings intake, like every other
 * finding) and the enabled standards, which make the FND-01 test result; and, unless
 * switched off, Amazon Inspector's findings (through the vulnerability intake). One
 * account or Region failing is recorded with it and does not stop the others. One
 * collection runs at a time; each is recorded in the ledger with who asked for it.
 */
@Service
public class SecurityHubCollector {

	private static final Logger log = LoggerFactory.getLogger(SecurityHubCollector.class);

	private final AwsSettings settings;

	private final AwsClients clients;

	private final Scope scope;

	private final StandardsCheck standards;

	private final FindingsPull pull;

	private final InspectorPull inspector;

	private final InventoryCollection inventory;

	private final CollectorSyncs syncs;

	private final ControlTests controlTests;

	private final EvidenceLedger ledger;

	private final Clock clock;

	private final RunSlot slot;

	SecurityHubCollector(AwsSettings settings, AwsClients clients, Scope scope, StandardsCheck standards,
			FindingsPull pull, InspectorPull inspector, InventoryCollection inventory, CollectorSyncs syncs,
			ControlTests controlTests, EvidenceLedger ledger, Clock clock) {
		this.settings = settings;
		this.clients = clients;
		this.scope = scope;
		this.standards = standards;
		this.pull = pull;
		this.inspector = inspector;
		this.inventory = inventory;
		this.syncs = syncs;
		this.controlTests = controlTests;
		this.ledger = ledger;
		this.clock = clock;
		this.slot = new RunSlot(AwsRun.Kind.COLLECTION, clock);
	}

	/**
	 * Runs one collection. Blocks until every account and Region is done.
	 * @param by who asked for it, for the ledger
	 * @throws AwsDisabledException when AWS is not enabled
	 * @throws IllegalStateException when a collection is already running
	 */
	public CollectionSummary collect(Actor by) {
		requireEnabled();
		return slot.run(by, progress -> collect(by, progress));
	}

	/**
	 * Starts a collection in the background, unless one is running already;
	 * {@link #run()} tells how far it got.
	 * @return whether this call started one
	 * @throws AwsDisabledException when AWS is not enabled
	 */
	public boolean start(Actor by) {
		requireEnabled();
		return slot.start(by, progress -> collect(by, progress));
	}

	/** The collection running now, or else the last one this process ran. */
	public Optional<AwsRun> run() {
		return slot.latest();
	}

	private void requireEnabled() {
		if (!settings.enabled()) {
			throw new AwsDisabledException();
		}
	}

	private CollectionSummary collect(Actor by, RunSlot.Progress progress) {
		Instant started = clock.instant();
		Scope.Found found;
		try {
			found = scope.find();
		}
		catch (Scope.Unavailable ex) {
			log.warn("Security Hub collection found no scope: {}", ex.getMessage());
			return recorded(by, new CollectionSummary(started, clock.instant(), ex.getMessage(), List.of(), null, "",
					List.of(), List.of()));
		}
		var targets = found.targets(settings.regions());
		var findingsRegions = settings.findingsRegions();
		boolean readInspector = inspector.enabled();
		var results = FanOut.each(targets, settings.rateLimits().maxConcurrency(),
				target -> collect(target, findingsRegions.contains(target.region()), readInspector), progress);
		var verdict = StandardsCheck.verdict(results.stream().map(TargetResult::state).toList());
		record(verdict, LocalDate.ofInstant(started, ZoneOffset.UTC));
		var collected = results.stream().map(TargetResult::sync).filter(sync -> sync != null).toList();
		var read = results.stream().map(TargetResult::inspector).filter(sync -> sync != null).toList();
		var inventory = this.inventory.collect(found.accounts(), found.management());
		var summary = new CollectionSummary(started, clock.instant(), null, collected, verdict.outcome(),
				verdict.note(), read, inventory);
		log.info("Security Hub collection: {} account-Regions, {} findings received ({} new), {} failed; FND-01 {}",
				targets.size(), summary.received(), summary.inserted(), summary.failures().size(), verdict.outcome());
		if (readInspector) {
			log.info("Amazon Inspector: {} account-Regions, {} vulnerabilities read, {} not read completely",
					read.size(), summary.vulnerabilities(), summary.inspectorFailures().size());
			recordInspector(by, summary);
		}
		if (!inventory.isEmpty()) {
			log.info("Access inventory: {} read, {} not read completely", inventory.size(),
					summary.inventoryFailures().size());
		}
		return recorded(by, summary);
	}

	/**
	 * Inspector's part of the collection, with who asked for it: which account-Regions
	 * were read completely (their vulnerabilities not seen are gone) and which not, and
	 * why not; the pages are recorded by the intake.
	 */
	private void recordInspector(Actor by, CollectionSummary summary) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("startedAt", summary.startedAt().toString());
		payload.put("finishedAt", summary.finishedAt().toString());
		payload.put("accountRegions", summary.inspector().size());
		payload.put("findings", summary.inspector().stream().mapToLong(InspectorSync::findings).sum());
		payload.put("vulnerabilities", summary.vulnerabilities());
		payload.put("complete",
				summary.inspector().stream().filter(InspectorSync::complete).map(s -> s.target().toString()).toList());
		payload.put("failed",
				summary.inspectorFailures().stream().map(sync -> sync.target() + " " + sync.status().name()).toList());
		ledger.record(new EvidenceRecord("inspector.collected", by, "aws", "aws:inspector",
				LocalDate.ofInstant(summary.startedAt(), ZoneOffset.UTC), payload));
	}

	/**
	 * The collection as a whole, with who asked for it; the pages are recorded by the
	 * intake.
	 */
	private CollectionSummary recorded(Actor by, CollectionSummary summary) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("startedAt", summary.startedAt().toString());
		payload.put("finishedAt", summary.finishedAt().toString());
		if (summary.scopeProblem() != null) {
			payload.put("scopeProblem", summary.scopeProblem());
		}
		payload.put("accountRegions", summary.syncs().size());
		payload.put("received", summary.received());
		payload.put("inserted", summary.inserted());
		payload.put("failed", summary.failures().stream().map(sync -> sync.target().toString()).toList());
		if (!summary.inventory().isEmpty()) {
			payload.put("inventoryFailed",
					summary.inventoryFailures()
						.stream()
						.map(sync -> sync.collector() + " " + sync.target() + " " + sync.status().name())
						.toList());
		}
		if (summary.standards() != null) {
			payload.put("FND-01", summary.standards().name());
		}
		ledger.record(new EvidenceRecord("securityhub.collected", by, "aws", "aws:securityhub",
				LocalDate.ofInstant(summary.startedAt(), ZoneOffset.UTC), payload));
		return summary;
	}

	private TargetResult collect(AccountRegion target, boolean withFindings, boolean readInspector) {
		var role = assumeRole(target);
		if (role != null) {
			return new TargetResult(new StandardsCheck.State(target, false, false, false, role),
					withFindings ? pull.skipped(target, role) : null,
					readInspector ? inspector.skipped(target, role) : null);
		}
		var state = standards.check(target);
		TargetSync sync = null;
		if (withFindings) {
			var failure = state.failure();
			boolean notEnabled = failure != null && failure.status() == ConnectionStatus.NOT_ENABLED;
			sync = notEnabled ? pull.skipped(target, failure) : pull.pull(target);
		}
		return new TargetResult(state, sync, readInspector ? inspector.pull(target) : null);
	}

	/** Why the account's role cannot be assumed (ORGANIZATION mode), if it cannot. */
	private @Nullable AwsFailure assumeRole(AccountRegion target) {
		if (settings.mode() != AwsSettings.Mode.ORGANIZATION) {
			return null;
		}
		try {
			clients.assumeRole(target.account());
			return null;
		}
		catch (SdkException ex) {
			return AwsFailure.of("sts:AssumeRole into " + settings.roleArn(target.account()), ex);
		}
	}

	/**
	 * A catalog without FND-01 (a company's own) gets no test result, only a log line.
	 */
	private void record(StandardsCheck.Verdict verdict, LocalDate day) {
		try {
			controlTests.record(StandardsCheck.CONTROL, verdict.outcome(), day, verdict.note(),
					FindingsPull.COLLECTOR_ACTOR);
		}
		catch (CatalogException ex) {
			log.warn("FND-01 {} not recorded: {}", verdict.outcome(), ex.getMessage());
		}
	}

	/** Where each account and Region's Security Hub findings collection got to. */
	public List<CollectorSync> syncs() {
		return syncs.all(FindingsPull.COLLECTOR);
	}

	/** Where each account's IAM read got to (recorded in us-east-1). */
	public List<CollectorSync> iamSyncs() {
		return syncs.all(IamPull.COLLECTOR);
	}

	/** Where the IAM Identity Center read got to. */
	public List<CollectorSync> identityCenterSyncs() {
		return syncs.all(IdentityCenterPull.COLLECTOR);
	}

	/** Where each account and Region's Amazon Inspector read got to. */
	public List<CollectorSync> inspectorSyncs() {
		return syncs.all(InspectorPull.COLLECTOR);
	}

	private record TargetResult(StandardsCheck.State state, @Nullable TargetSync sync,
			@Nullable InspectorSync inspector) {

	}

}
