package io.soc2ops.aws;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import io.soc2ops.alerting.FindingWorkflowUpdate;
import io.soc2ops.aws.WriteBackOutcome.Result;
import io.soc2ops.findings.Findings;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Writes the workflow status an alert sets back to Security Hub, once its transaction has
 * committed, and records how it went. Exists only with AWS and write-back enabled:
 * without it, no publication is registered and nothing is called.
 * <p>
 * The event publication registry keeps each update until this listener has recorded an
 * outcome: one cut off by a crash or a shutdown is delivered again at the next start.
 * Every answer from AWS is an outcome, recorded once: a refusal (the write-back policy is
 * not attached) is not retried, a finding left unprocessed for a passing reason is tried
 * a few times with backoff. A finding already at the status as soc2ops last received it
 * is not updated again, which also ends the loop of an alert rule that matches the
 * "Imported" event Security Hub sends for the update itself.
 */
@Component
@ConditionalOnBooleanProperty(name = { "soc2ops.aws.enabled", "soc2ops.aws.write-back.enabled" })
class FindingWriteBack {

	/**
	 * Fixed, so that publications left incomplete find the listener after a refactoring.
	 */
	static final String LISTENER_ID = "aws.finding-write-back";

	private final SecurityHubWrites writes;

	private final WriteBackLog log;

	private final Findings findings;

	private final WriteBackSettings settings;

	private final Clock clock;

	FindingWriteBack(SecurityHubWrites writes, WriteBackLog log, Findings findings, WriteBackSettings settings,
			Clock clock) {
		this.writes = writes;
		this.log = log;
		this.findings = findings;
		this.settings = settings;
		this.clock = clock;
	}

	/** No transaction around the calls: the outcome is recorded in one of its own. */
	@ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
	void on(FindingWorkflowUpdate update) {
		log.record(update, writeBack(update));
	}

	private WriteBackOutcome writeBack(FindingWorkflowUpdate update) {
		var region = writes.regionFor(update);
		if (alreadySet(update)) {
			return outcome(update, Result.ALREADY_SET, region, 0, "");
		}
		for (int calls = 1;; calls++) {
			try {
				var unprocessed = writes.updateWorkflow(update, region);
				if (unprocessed.isEmpty()) {
					return outcome(update, Result.UPDATED, region, calls, "");
				}
				if (!unprocessed.get().passing() || calls >= settings.attempts()) {
					return outcome(update, Result.UNPROCESSED, region, calls,
							SecurityHubWrites.CALL + " left the finding unprocessed: " + unprocessed.get().code() + ": "
									+ unprocessed.get().message());
				}
			}
			catch (SdkException ex) {
				if (ex instanceof AbortedException || Thread.currentThread().isInterrupted()) {
					// stopping: left incomplete, the update is delivered again at the
					// next start
					throw ex;
				}
				return failed(update, region, calls, AwsFailure.of(SecurityHubWrites.CALL, ex));
			}
			pause(settings.waitAfter(calls));
		}
	}

	private boolean alreadySet(FindingWorkflowUpdate update) {
		return findings.find(update.finding().digest())
			.map(finding -> finding.summary().workflowStatus().name().equals(update.status().name()))
			.orElse(false);
	}

	private WriteBackOutcome failed(FindingWorkflowUpdate update, Region region, int calls, AwsFailure failure) {
		if (failure.status() == ConnectionStatus.ACCESS_DENIED) {
			return outcome(update, Result.NOT_PERMITTED, region, calls,
					"write-back not permitted: attach " + WriteBacks.POLICY_FILE + " (" + failure.message() + ")");
		}
		return outcome(update, Result.FAILED, region, calls, failure.message());
	}

	private WriteBackOutcome outcome(FindingWorkflowUpdate update, Result result, Region region, int calls,
			String message) {
		return new WriteBackOutcome(update.alertId(), update.finding().id(), update.status(), result, region.code(),
				calls, message, clock.instant());
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("stopped before retrying; the update is delivered again at the next start",
					ex);
		}
	}

}
