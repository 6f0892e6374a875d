package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Finds out whether soc2ops can read every account and Region in scope, with the calls
 * the collectors make: assume the role (ORGANIZATION mode), {@code GetCallerIdentity},
 * {@code GetEnabledStandards}, {@code GetFindings}. An account that refuses does not stop
 * the others. One check runs at a time; each is recorded in the ledger with who asked for
 * it, and the latest is kept for the AWS page.
 */
@Service
public class ConnectionCheck {

	private final AwsSettings settings;

	private final AwsClients clients;

	private final Scope scope;

	private final SecurityHubReads reads;

	private final ConnectionChecks checks;

	private final EvidenceLedger ledger;

	private final Clock clock;

	private final RunSlot slot;

	ConnectionCheck(AwsSettings settings, AwsClients clients, Scope scope, SecurityHubReads reads,
			ConnectionChecks checks, EvidenceLedger ledger, Clock clock) {
		this.settings = settings;
		this.clients = clients;
		this.scope = scope;
		this.reads = reads;
		this.checks = checks;
		this.ledger = ledger;
		this.clock = clock;
		this.slot = new RunSlot(AwsRun.Kind.CONNECTION_CHECK, clock);
	}

	/**
	 * Checks every account and Region in scope now. Blocks until all have answered or
	 * timed out.
	 * @throws AwsDisabledException when AWS is not enabled
	 * @throws IllegalStateException when a check is already running
	 */
	public ConnectionReport check(Actor by) {
		requireEnabled();
		return slot.run(by, progress -> check(by, progress));
	}

	/**
	 * Starts a check in the background, unless one is running already; {@link #run()}
	 * tells how far it got.
	 * @return whether this call started one
	 * @throws AwsDisabledException when AWS is not enabled
	 */
	public boolean start(Actor by) {
		requireEnabled();
		return slot.start(by, progress -> check(by, progress));
	}

	/** The check running now, or else the last one this process ran. */
	public Optional<AwsRun> run() {
		return slot.latest();
	}

	/** The results of the latest check, per account and Region. */
	public List<ConnectionResult> latest() {
		return checks.latest();
	}

	/**
	 * The latest check: who ran it, the account in charge, any scope problem, and the
	 * latest results per account and Region (those of the check before when it could not
	 * list the accounts).
	 */
	public Optional<ConnectionReport> latestReport() {
		return checks.latestReport();
	}

	public AwsSetup setup() {
		var limits = settings.rateLimits();
		return new AwsSetup(settings.enabled(), settings.mode().name(), settings.regions(),
				settings.aggregationRegion(), settings.roleName(), settings.externalId() != null,
				settings.endpoint() == null ? null : settings.endpoint().toString(),
				new AwsSetup.Limits(limits.getFindings(), limits.securityHub(), limits.organizations(), limits.sts(),
						limits.maxConcurrency()));
	}

	private void requireEnabled() {
		if (!settings.enabled()) {
			throw new AwsDisabledException();
		}
	}

	private ConnectionReport check(Actor by, RunSlot.Progress progress) {
		Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		ConnectionReport report;
		try {
			var found = scope.find();
			var results = FanOut.each(found.targets(settings.regions()), settings.rateLimits().maxConcurrency(),
					target -> check(target, at), progress);
			report = new ConnectionReport(at, by, found.management(), null, results);
		}
		catch (Scope.Unavailable ex) {
			report = new ConnectionReport(at, by, null, ex.getMessage(), List.of());
		}
		checks.add(report);
		record(report);
		return report;
	}

	private void record(ConnectionReport report) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("mode", settings.mode().name());
		payload.put("regions", settings.regions().stream().map(Region::code).toList());
		if (report.management() != null) {
			payload.put("managementAccount", report.management().value());
		}
		if (report.scopeProblem() != null) {
			payload.put("scopeProblem", report.scopeProblem());
		}
		payload.put("accountRegions", report.results().size());
		report.counts().forEach((status, count) -> payload.put(status.name(), count));
		ledger.record(new EvidenceRecord("aws.connection-checked", report.startedBy(), "aws", "aws:connection",
				LocalDate.ofInstant(report.checkedAt(), ZoneOffset.UTC), payload));
	}

	private ConnectionResult check(AccountRegion target, Instant at) {
		var worked = new ArrayList<String>();
		if (settings.mode() == AwsSettings.Mode.ORGANIZATION) {
			try {
				clients.assumeRole(target.account());
				worked.add("sts:AssumeRole");
			}
			catch (SdkException ex) {
				var failure = AwsFailure.of("sts:AssumeRole into " + settings.roleArn(target.account()), ex);
				return new ConnectionResult(target, failure.status(), worked, List.of("sts:AssumeRole"),
						failure.message(), at);
			}
		}
		var failed = new ArrayList<String>();
		var failures = new ArrayList<AwsFailure>();
		call("sts:GetCallerIdentity", () -> clients.sts(target).getCallerIdentity(), worked, failed, failures);
		if (failures.isEmpty()) {
			call("securityhub:GetEnabledStandards", () -> reads.enabledStandards(target), worked, failed, failures);
			call("securityhub:GetFindings", () -> reads.probeFindings(target), worked, failed, failures);
		}
		if (failures.isEmpty()) {
			return new ConnectionResult(target, ConnectionStatus.OK, worked, failed,
					"Every call worked: " + String.join(", ", worked), at);
		}
		var status = failures.stream().map(AwsFailure::status).min(Comparator.naturalOrder()).orElseThrow();
		var message = String.join("; ", failures.stream().map(AwsFailure::message).toList());
		return new ConnectionResult(target, status, worked, failed, message, at);
	}

	private static void call(String action, Runnable call, List<String> worked, List<String> failed,
			List<AwsFailure> failures) {
		try {
			call.run();
			worked.add(action);
		}
		catch (SdkException ex) {
			failed.add(action);
			failures.add(AwsFailure.of(action, ex));
		}
	}

}
