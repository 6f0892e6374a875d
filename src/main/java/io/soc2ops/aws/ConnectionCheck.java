package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Finds out whether soc2ops can read every account and Region in scope, with the calls
 * the collectors make: assume the role (ORGANIZATION mode), {@code GetCallerIdentity},
 * {@code GetEnabledStandards}, {@code GetFindings}. An account that refuses does not stop
 * the others. The latest check is kept for the AWS page.
 */
@Service
public class ConnectionCheck {

	private final AwsSettings settings;

	private final AwsClients clients;

	private final Scope scope;

	private final SecurityHubReads reads;

	private final ConnectionChecks checks;

	private final Clock clock;

	ConnectionCheck(AwsSettings settings, AwsClients clients, Scope scope, SecurityHubReads reads,
			ConnectionChecks checks, Clock clock) {
		this.settings = settings;
		this.clients = clients;
		this.scope = scope;
		this.reads = reads;
		this.checks = checks;
		this.clock = clock;
	}

	/**
	 * Checks every account and Region in scope now. Blocks until all have answered or
	 * timed out.
	 * @throws AwsDisabledException when AWS is not enabled
	 */
	public ConnectionReport check() {
		if (!settings.enabled()) {
			throw new AwsDisabledException();
		}
		Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<AccountRegion> targets;
		try {
			targets = scope.targets(settings.regions());
		}
		catch (Scope.Unavailable ex) {
			return new ConnectionReport(at, ex.getMessage(), List.of());
		}
		var results = FanOut.each(targets, settings.rateLimits().maxConcurrency(), target -> check(target, at));
		checks.replace(results);
		return new ConnectionReport(at, null, results);
	}

	/** The results of the latest check, per account and Region. */
	public List<ConnectionResult> latest() {
		return checks.latest();
	}

	public AwsSetup setup() {
		return new AwsSetup(settings.enabled(), settings.mode().name(), settings.regions(),
				settings.aggregationRegion(), settings.roleName(), settings.externalId() != null,
				settings.endpoint() == null ? null : settings.endpoint().toString());
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
				return new ConnectionResult(target, failure.status(), worked, failure.message(), at);
			}
		}
		var failures = new ArrayList<AwsFailure>();
		call("sts:GetCallerIdentity", () -> clients.sts(target).getCallerIdentity(), worked, failures);
		if (failures.isEmpty()) {
			call("securityhub:GetEnabledStandards", () -> reads.enabledStandards(target), worked, failures);
			call("securityhub:GetFindings", () -> reads.probeFindings(target), worked, failures);
		}
		if (failures.isEmpty()) {
			return new ConnectionResult(target, ConnectionStatus.OK, worked,
					"Every call worked: " + String.join(", ", worked), at);
		}
		var status = failures.stream().map(AwsFailure::status).min(Comparator.naturalOrder()).orElseThrow();
		var message = String.join("; ", failures.stream().map(AwsFailure::message).toList());
		return new ConnectionResult(target, status, worked, message, at);
	}

	private static void call(String action, Runnable call, List<String> worked, List<AwsFailure> failures) {
		try {
			call.run();
			worked.add(action);
		}
		catch (SdkException ex) {
			failures.add(AwsFailure.of(action, ex));
		}
	}

}
