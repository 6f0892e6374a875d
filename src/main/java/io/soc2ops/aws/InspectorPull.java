package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.soc2ops.vulnerabilities.ObservedVulnerability;
import io.soc2ops.vulnerabilities.VulnerabilityIntake;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads one account and Region's Amazon Inspector findings, every one of every status,
 * into the vulnerability intake page by page; when every page was read, tells the intake
 * the sync is complete, so what it did not see is gone. A page is handed over whole or
 * not at all; a read cut off by a failure is never told complete, so nothing looks fixed
 * because a page was missing. Where it got to is kept as the {@code inspector}
 * collector's sync.
 */
@Component
class InspectorPull {

	static final String COLLECTOR = "inspector";

	private static final Logger log = LoggerFactory.getLogger(InspectorPull.class);

	private final InspectorSettings settings;

	private final InspectorReads reads;

	private final CollectorSyncs syncs;

	private final ObjectProvider<VulnerabilityIntake> intake;

	private final Clock clock;

	InspectorPull(InspectorSettings settings, InspectorReads reads, CollectorSyncs syncs,
			ObjectProvider<VulnerabilityIntake> intake, Clock clock) {
		this.settings = settings;
		this.reads = reads;
		this.syncs = syncs;
		this.intake = intake;
		this.clock = clock;
	}

	/**
	 * Whether collections read Inspector: switched on, and a vulnerability intake to take
	 * them.
	 */
	boolean enabled() {
		if (!settings.enabled()) {
			return false;
		}
		if (intake.getIfAvailable() == null) {
			log.warn("soc2ops.aws.inspector.enabled is set but this installation has no vulnerability intake:"
					+ " Amazon Inspector is not read");
			return false;
		}
		return true;
	}

	InspectorSync pull(AccountRegion target) {
		var intake = this.intake.getObject();
		// milliseconds: what both databases keep
		Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String origin = "inspector2:" + target;
		var read = new Read();
		String call = "inspector2:BatchGetAccountStatus";
		try {
			var status = reads.accountStatus(target);
			if (!status.enabled()) {
				return failed(target, started, read, notEnabled(target, status));
			}
			call = "inspector2:ListFindings";
			for (var page : reads.findings(target, settings.pageSize())) {
				read.pages++;
				var observed = new ArrayList<ObservedVulnerability>();
				for (var finding : page) {
					observed.addAll(InspectorFindings.observed(finding, target, started));
				}
				if (!observed.isEmpty()) {
					intake.observed(observed);
				}
				read.findings += page.size();
				read.vulnerabilities += observed.size();
			}
			intake.syncCompleted(target.account().value(), target.region().code(), started);
		}
		catch (SdkException ex) {
			return failed(target, started, read, AwsFailure.of(call, ex));
		}
		catch (InspectorFindings.Unmappable ex) {
			return failed(target, started, read, new AwsFailure(ConnectionStatus.ERROR,
					"page " + read.pages + " from " + origin + " was refused: " + ex.getMessage()));
		}
		catch (RuntimeException ex) {
			// whatever else broke for this account and Region must not stop the others
			log.warn("Reading {} failed", origin, ex);
			return failed(target, started, read, new AwsFailure(ConnectionStatus.ERROR,
					"reading " + origin + " failed after page " + read.pages + ": " + ex));
		}
		syncs.succeeded(target, COLLECTOR, started, started, read.findings);
		return new InspectorSync(target, ConnectionStatus.OK, read.pages, read.findings, read.vulnerabilities, started,
				null);
	}

	/** Inspector was not asked: why is already known. */
	InspectorSync skipped(AccountRegion target, AwsFailure failure) {
		return failed(target, clock.instant().truncatedTo(ChronoUnit.MILLIS), new Read(), failure);
	}

	private static AwsFailure notEnabled(AccountRegion target, InspectorReads.AccountStatus status) {
		String message = "inspector2:BatchGetAccountStatus: Amazon Inspector is "
				+ (status.status() == null ? "not enabled" : status.status()) + " in " + target
				+ detail(status.errorCode(), status.errorMessage());
		return new AwsFailure("ACCESS_DENIED".equals(status.errorCode()) ? ConnectionStatus.ACCESS_DENIED
				: ConnectionStatus.NOT_ENABLED, message);
	}

	private static String detail(@Nullable String code, @Nullable String message) {
		if (code == null && message == null) {
			return "";
		}
		return " (" + (code == null ? "" : code) + (code != null && message != null ? ": " : "")
				+ (message == null ? "" : message) + ")";
	}

	private InspectorSync failed(AccountRegion target, Instant started, Read read, AwsFailure failure) {
		syncs.failed(target, COLLECTOR, failure.message(), started);
		return new InspectorSync(target, failure.status(), read.pages, read.findings, read.vulnerabilities, started,
				failure.message());
	}

	/** How far a read got. */
	private static final class Read {

		int pages;

		long findings;

		long vulnerabilities;

	}

}
