package io.soc2ops.aws;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The IAM calls soc2ops makes in each account, all read-only:
 * {@code GetAccountAuthorizationDetails} through the SDK's paginator, and
 * {@code GenerateCredentialReport} then {@code GetCredentialReport}. Failures surface as
 * the SDK's exceptions.
 */
@Component
class IamReads {

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

	private final AwsClients clients;

	IamReads(AwsClients clients) {
		this.clients = clients;
	}

	/**
	 * The account's users, groups, roles and managed policies (customer and AWS managed),
	 * page by page as IAM sends them.
	 */
	Iterable<GetAccountAuthorizationDetailsResponse> authorizationDetails(AccountId account, int pageSize) {
		return clients.iam(account)
			.getAccountAuthorizationDetailsPaginator(request -> request
				.filter(EntityType.USER, EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY,
						EntityType.AWS_MANAGED_POLICY)
				.maxItems(pageSize));
	}

	/**
	 * Asks IAM for a credential report until it says COMPLETE (it answers COMPLETE at
	 * once while its last report is under four hours old), pausing {@code backoff},
	 * doubled each time, in between; then fetches it.
	 * @throws NotReady when it is not complete within {@code wait}
	 */
	CredentialReport credentialReport(AccountId account, Duration wait, Duration backoff) {
		var iam = clients.iam(account);
		Instant deadline = Instant.now().plus(wait);
		Duration pause = backoff;
		var state = iam.generateCredentialReport().state();
		while (state != ReportStateType.COMPLETE) {
			if (Instant.now().plus(pause).isAfter(deadline)) {
				throw new NotReady("iam:GenerateCredentialReport: the credential report of " + account + " was still "
						+ state + " after " + wait);
			}
			pause(pause);
			pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
			state = iam.generateCredentialReport().state();
		}
		var report = iam.getCredentialReport();
		return new CredentialReport(report.content().asByteArray(), report.generatedTime());
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotReady("interrupted while waiting for a credential report");
		}
	}

	/** A credential report: the CSV as IAM sent it, and when IAM generated it. */
	record CredentialReport(byte[] csv, Instant generatedAt) {

	}

	/** IAM did not finish the credential report in time. */
	static final class NotReady extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotReady(String message) {
			super(message);
		}

	}

}
