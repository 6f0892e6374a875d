package io.soc2ops.aws;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingRejected;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.IntakeResult;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Takes one account and Region's findings updated since its last successful sync, page by
 * page, into the findings intake: the ASFF findings of Security Hub CSPM
 * ({@code GetFindings}), then, where the new Security Hub is enabled, its OCSF findings
 * ({@code GetFindingsV2}), which the intake keys like their ASFF twins. Then it moves the
 * sync mark, or records why not. A page is stored whole or not at all; a failure after
 * some pages leaves the mark where it was, so the next run asks again and the intake
 * skips what it already has.
 */
@Component
class FindingsPull {

	static final String COLLECTOR = "securityhub";

	private static final Logger log = LoggerFactory.getLogger(FindingsPull.class);

	static final Actor COLLECTOR_ACTOR = Actor.system("collector");

	private final AwsSettings settings;

	private final SecurityHubReads reads;

	private final CollectorSyncs syncs;

	private final FindingsIntake intake;

	private final Clock clock;

	FindingsPull(AwsSettings settings, SecurityHubReads reads, CollectorSyncs syncs, FindingsIntake intake,
			Clock clock) {
		this.settings = settings;
		this.reads = reads;
		this.syncs = syncs;
		this.intake = intake;
		this.clock = clock;
	}

	TargetSync pull(AccountRegion target) {
		// milliseconds: Security Hub's timestamps have no more, and both databases keep
		// them
		Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant since = syncs.find(target, COLLECTOR)
			.map(CollectorSync::lastSuccessAt)
			.orElse(until.minus(settings.firstSyncLookback()));
		String origin = "securityhub:" + target;
		var counts = new long[3];
		int pages = 0;
		String call = "securityhub:GetFindings";
		try {
			for (var page : reads.findings(target, since, until, settings.pageSize())) {
				pages++;
				if (!page.isEmpty()) {
					add(counts, intake.accept(AsffJson.page(page), IntakeChannel.API, origin, COLLECTOR_ACTOR));
				}
			}
			call = "securityhub:DescribeSecurityHubV2";
			if (reads.securityHubV2Enabled(target)) {
				call = "securityhub:GetFindingsV2";
				for (var page : reads.findingsV2(target, since, until, settings.pageSize())) {
					pages++;
					if (!page.isEmpty()) {
						add(counts, intake.accept(AsffJson.ocsfPage(page), IntakeChannel.API, origin, COLLECTOR_ACTOR));
					}
				}
			}
		}
		catch (SdkException ex) {
			return failed(target, since, until, pages, counts, AwsFailure.of(call, ex));
		}
		catch (FindingRejected ex) {
			return failed(target, since, until, pages, counts, new AwsFailure(ConnectionStatus.ERROR,
					"page " + pages + " from " + origin + " was refused: " + ex.getMessage()));
		}
		catch (RuntimeException ex) {
			// whatever else broke for this account and Region must not stop the others
			log.warn("Collecting {} failed", origin, ex);
			return failed(target, since, until, pages, counts,
					new AwsFailure(ConnectionStatus.ERROR, "collecting " + origin + " failed: " + ex));
		}
		syncs.succeeded(target, COLLECTOR, until, until, counts[0]);
		return new TargetSync(target, ConnectionStatus.OK, pages, counts[0], counts[1], counts[2], since, null);
	}

	private static void add(long[] counts, IntakeResult result) {
		counts[0] += result.received();
		counts[1] += result.inserted();
		counts[2] += result.updated();
	}

	/** Findings were not asked for: why is already known. */
	TargetSync skipped(AccountRegion target, AwsFailure failure) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant since = syncs.find(target, COLLECTOR)
			.map(CollectorSync::lastSuccessAt)
			.orElse(now.minus(settings.firstSyncLookback()));
		return failed(target, since, now, 0, new long[3], failure);
	}

	private TargetSync failed(AccountRegion target, Instant since, Instant attempt, int pages, long[] counts,
			AwsFailure failure) {
		syncs.failed(target, COLLECTOR, failure.message(), attempt);
		return new TargetSync(target, failure.status(), pages, counts[0], counts[1], counts[2], since,
				failure.message());
	}

}
