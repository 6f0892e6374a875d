package io.soc2ops.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import io.soc2ops.access.AssignmentOutcome;
import io.soc2ops.access.AssignmentTarget;
import io.soc2ops.access.IdentityCenterAssignments;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * The writes soc2ops makes to IAM Identity Center, only where
 * {@code soc2ops.aws.identity-center.manage-assignments=true}:
 * {@code CreateAccountAssignment} and {@code DeleteAccountAssignment} for an AWS account,
 * each followed by its status call until AWS says SUCCEEDED or FAILED (at most
 * {@code assignment-wait}). Called with the installation's own credentials (the
 * management or delegated administrator account) in the instance's Region. Every outcome
 * is a ledger entry with the assignment, AWS's request ID or reason, and nothing else.
 */
@Component
@ConditionalOnBooleanProperty(name = { "soc2ops.aws.enabled", "soc2ops.aws.identity-center.manage-assignments" })
class IdentityCenterWrites implements IdentityCenterAssignments {

	static final Actor WRITER = Actor.system("identity-center-writer");

	private final AwsClients clients;

	private final IdentityCenterSettings settings;

	private final EvidenceLedger ledger;

	private final Clock clock;

	IdentityCenterWrites(AwsClients clients, IdentityCenterSettings settings, EvidenceLedger ledger, Clock clock) {
		this.clients = clients;
		this.settings = settings;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public AssignmentOutcome create(AssignmentTarget target) {
		return change("create", target,
				admin -> admin
					.createAccountAssignment(request -> request.instanceArn(target.instanceArn())
						.targetId(target.accountId())
						.targetType(TargetType.AWS_ACCOUNT)
						.permissionSetArn(target.permissionSetArn())
						.principalType(PrincipalType.fromValue(target.principalType()))
						.principalId(target.principalId()))
					.accountAssignmentCreationStatus(),
				(admin, requestId) -> admin
					.describeAccountAssignmentCreationStatus(request -> request.instanceArn(target.instanceArn())
						.accountAssignmentCreationRequestId(requestId))
					.accountAssignmentCreationStatus());
	}

	@Override
	public AssignmentOutcome delete(AssignmentTarget target) {
		return change("delete", target,
				admin -> admin
					.deleteAccountAssignment(request -> request.instanceArn(target.instanceArn())
						.targetId(target.accountId())
						.targetType(TargetType.AWS_ACCOUNT)
						.permissionSetArn(target.permissionSetArn())
						.principalType(PrincipalType.fromValue(target.principalType()))
						.principalId(target.principalId()))
					.accountAssignmentDeletionStatus(),
				(admin, requestId) -> admin
					.describeAccountAssignmentDeletionStatus(request -> request.instanceArn(target.instanceArn())
						.accountAssignmentDeletionRequestId(requestId))
					.accountAssignmentDeletionStatus());
	}

	private AssignmentOutcome change(String verb, AssignmentTarget target,
			Function<SsoAdminClient, AccountAssignmentOperationStatus> start, StatusCall status) {
		String name = verb.equals("create") ? "CreateAccountAssignment" : "DeleteAccountAssignment";
		String call = "sso:" + name;
		int calls = 0;
		AssignmentOutcome outcome;
		try {
			var admin = clients.ssoAdmin(settings.regionOr(clients.settings().homeRegion()));
			calls++;
			var state = start.apply(admin);
			// real time, not the clock the records are dated by
			long deadline = System.nanoTime() + settings.assignmentWait().toNanos();
			call = verb.equals("create") ? "sso:DescribeAccountAssignmentCreationStatus"
					: "sso:DescribeAccountAssignmentDeletionStatus";
			while (state.status() == StatusValues.IN_PROGRESS) {
				if (System.nanoTime() + settings.assignmentPoll().toNanos() - deadline >= 0) {
					break;
				}
				pause(settings.assignmentPoll());
				calls++;
				state = status.call(admin, state.requestId());
			}
			outcome = outcome(name, state);
		}
		catch (SdkException ex) {
			String reason = AwsFailure.of(call, ex).message();
			outcome = unsettled(ex) ? new AssignmentOutcome.Unsettled(reason) : new AssignmentOutcome.Failed(reason);
		}
		record(verb, target, outcome, calls);
		return outcome;
	}

	/**
	 * Throttled, a server error, or no answer at all (I/O, timeouts): worth another try.
	 */
	private static boolean unsettled(SdkException ex) {
		if (ex instanceof AwsServiceException service) {
			return service.isThrottlingException() || service.statusCode() >= 500;
		}
		return ex instanceof SdkClientException;
	}

	private AssignmentOutcome outcome(String name, AccountAssignmentOperationStatus state) {
		if (state.status() == StatusValues.SUCCEEDED) {
			return new AssignmentOutcome.Done(String.valueOf(state.requestId()));
		}
		if (state.status() == StatusValues.FAILED) {
			return new AssignmentOutcome.Failed("sso:" + name + " failed: "
					+ (state.failureReason() == null ? "AWS gave no reason" : state.failureReason()));
		}
		return new AssignmentOutcome.Failed("sso:" + name + " request " + state.requestId() + " was still "
				+ state.statusAsString() + " after " + settings.assignmentWait());
	}

	private void record(String verb, AssignmentTarget target, AssignmentOutcome outcome, int calls) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("instanceArn", target.instanceArn());
		payload.put("accountId", target.accountId());
		payload.put("permissionSetArn", target.permissionSetArn());
		payload.put("principalType", target.principalType());
		payload.put("principalId", target.principalId());
		payload.put("calls", calls);
		switch (outcome) {
			case AssignmentOutcome.Done(String requestId) -> payload.put("requestId", requestId);
			case AssignmentOutcome.Failed(String reason) -> payload.put("reason", reason);
			case AssignmentOutcome.Unsettled(String reason) -> payload.put("reason", reason);
		}
		String action = switch (outcome) {
			case AssignmentOutcome.Done d ->
				"identity-center.assignment-" + (verb.equals("create") ? "created" : "deleted");
			case AssignmentOutcome.Failed f -> "identity-center.assignment-" + verb + "-failed";
			case AssignmentOutcome.Unsettled u -> "identity-center.assignment-" + verb + "-unsettled";
		};
		ledger.record(new EvidenceRecord(action, WRITER, "aws", subject(target),
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), payload));
	}

	private static String subject(AssignmentTarget target) {
		String subject = "identity-center-assignment:" + target.accountId() + "/" + target.principalType() + "/"
				+ target.principalId() + "/" + target.permissionSetArn();
		return subject.length() <= 300 ? subject : subject.substring(0, 300);
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for an Identity Center assignment change", ex);
		}
	}

	@FunctionalInterface
	private interface StatusCall {

		AccountAssignmentOperationStatus call(SsoAdminClient admin, String requestId);

	}

}
