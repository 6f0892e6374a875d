package io.soc2ops.aws;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.soc2ops.alerting.FindingWorkflowUpdate;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingIdentifier;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.NoteUpdate;
import software.amazon.awssdk.services.securityhub.model.WorkflowUpdate;

/**
 * The one write soc2ops makes to Security Hub: {@code BatchUpdateFindings} setting a
 * finding's {@code Workflow.Status} with a {@code Note} saying why.
 * <p>
 * Who calls, and where: the installation's own principal, never the read-only role in the
 * member accounts. In ORGANIZATION mode that is the management or delegated administrator
 * account, which as the Security Hub administrator may update every member's findings (a
 * member may update only its own); in SINGLE_ACCOUNT mode, the one account. The call goes
 * to the aggregation Region when one is set, since it holds the linked Regions' findings
 * and Security Hub carries updates back to them; otherwise to the finding's own Region,
 * read from its product ARN when the finding named none. Failures surface as the SDK's
 * exceptions.
 */
@Component
class SecurityHubWrites {

	static final String CALL = "securityhub:BatchUpdateFindings";

	private static final Pattern ARN_REGION = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]+):.*");

	private final AwsClients clients;

	SecurityHubWrites(AwsClients clients) {
		this.clients = clients;
	}

	/** Where this update is written: see the class comment. */
	Region regionFor(FindingWorkflowUpdate update) {
		var settings = clients.settings();
		if (settings.aggregationRegion() != null) {
			return settings.aggregationRegion();
		}
		return region(update.region()).or(() -> productArnRegion(update.finding().productArn()))
			.orElse(settings.homeRegion());
	}

	/**
	 * @return the finding as Security Hub listed it in {@code UnprocessedFindings}, or
	 * empty when it processed the update
	 */
	Optional<Unprocessed> updateWorkflow(FindingWorkflowUpdate update, Region region) {
		var finding = AwsSecurityFindingIdentifier.builder()
			.id(update.finding().id())
			.productArn(update.finding().productArn())
			.build();
		var request = BatchUpdateFindingsRequest.builder()
			.findingIdentifiers(finding)
			.workflow(WorkflowUpdate.builder().status(update.status().name()).build());
		if (!update.note().isBlank() && !update.by().isBlank()) {
			// AWS requires both, each with more than white space
			request.note(NoteUpdate.builder().text(update.note()).updatedBy(update.by()).build());
		}
		return clients.ownSecurityHub(region)
			.batchUpdateFindings(request.build())
			.unprocessedFindings()
			.stream()
			.filter(unprocessed -> finding.equals(unprocessed.findingIdentifier()))
			.findFirst()
			.map(unprocessed -> new Unprocessed(String.valueOf(unprocessed.errorCode()),
					String.valueOf(unprocessed.errorMessage())));
	}

	private static Optional<Region> region(String code) {
		try {
			return Optional.of(new Region(code));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Region> productArnRegion(String productArn) {
		var arn = ARN_REGION.matcher(productArn);
		return arn.matches() ? region(arn.group(1)) : Optional.empty();
	}

	/** A finding Security Hub did not update, with its error code and message. */
	record Unprocessed(String code, String message) {

		/** Codes AWS documents for a finding that may be updated when tried again. */
		private static final Set<String> PASSING = Set.of("ConcurrentUpdateError", "InternalFailure");

		boolean passing() {
			return PASSING.contains(code);
		}

	}

}
