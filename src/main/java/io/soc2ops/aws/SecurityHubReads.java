package io.soc2ops.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.springframework.stereotype.Component;

import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.CompositeFilter;
import software.amazon.awssdk.services.securityhub.model.DateFilter;
import software.amazon.awssdk.services.securityhub.model.GetEnabledStandardsRequest;
import software.amazon.awssdk.services.securityhub.model.GetFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.GetFindingsV2Request;
import software.amazon.awssdk.services.securityhub.model.OcsfDateField;
import software.amazon.awssdk.services.securityhub.model.OcsfDateFilter;
import software.amazon.awssdk.services.securityhub.model.OcsfFindingFilters;
import software.amazon.awssdk.services.securityhub.model.ResourceNotFoundException;
import software.amazon.awssdk.services.securityhub.model.StandardsSubscription;

/**
 * The Security Hub calls soc2ops makes, all read-only: {@code GetEnabledStandards} and
 * {@code GetFindings} (Security Hub CSPM, ASFF), {@code DescribeSecurityHubV2} and
 * {@code GetFindingsV2} (the new Security Hub, OCSF), through the SDK's paginators.
 * Failures surface as the SDK's exceptions; callers turn them into an {@link AwsFailure}.
 */
@Component
class SecurityHubReads {

	/** RFC 3339 with milliseconds, as Security Hub writes and filters timestamps. */
	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final AwsClients clients;

	SecurityHubReads(AwsClients clients) {
		this.clients = clients;
	}

	/** The standards enabled in an account and Region. */
	List<Subscription> enabledStandards(AccountRegion target) {
		var subscriptions = new ArrayList<Subscription>();
		for (StandardsSubscription subscription : clients.securityHub(target)
			.getEnabledStandardsPaginator(GetEnabledStandardsRequest.builder().build())
			.standardsSubscriptions()) {
			subscriptions.add(new Subscription(subscription.standardsArn(), subscription.standardsStatusAsString()));
		}
		return subscriptions;
	}

	/**
	 * The findings updated in {@code [since, until]}, page by page as AWS sends them; a
	 * page is fetched when the one before has been handled.
	 */
	Iterable<List<AwsSecurityFinding>> findings(AccountRegion target, Instant since, Instant until, int pageSize) {
		var request = GetFindingsRequest.builder()
			.filters(AwsSecurityFindingFilters.builder()
				.updatedAt(DateFilter.builder().start(TIMESTAMP.format(since)).end(TIMESTAMP.format(until)).build())
				.build())
			.maxResults(pageSize)
			.build();
		var pages = clients.securityHub(target).getFindingsPaginator(request);
		return () -> new Iterator<>() {

			private final Iterator<GetFindingsResponse> responses = pages.iterator();

			@Override
			public boolean hasNext() {
				return responses.hasNext();
			}

			@Override
			public List<AwsSecurityFinding> next() {
				return responses.next().findings();
			}

		};
	}

	/**
	 * Whether the new Security Hub is enabled in an account and Region:
	 * {@code DescribeSecurityHubV2} answers {@code ResourceNotFoundException} where it is
	 * not.
	 */
	boolean securityHubV2Enabled(AccountRegion target) {
		try {
			clients.securityHub(target).describeSecurityHubV2(request -> {
			});
			return true;
		}
		catch (ResourceNotFoundException ex) {
			return false;
		}
	}

	/**
	 * The new Security Hub's OCSF findings modified in {@code [since, until]}
	 * ({@code finding_info.modified_time_dt}), page by page as AWS sends them.
	 */
	Iterable<List<Document>> findingsV2(AccountRegion target, Instant since, Instant until, int pageSize) {
		var modified = OcsfDateFilter.builder()
			.fieldName(OcsfDateField.FINDING_INFO_MODIFIED_TIME_DT)
			.filter(DateFilter.builder().start(TIMESTAMP.format(since)).end(TIMESTAMP.format(until)).build())
			.build();
		var request = GetFindingsV2Request.builder()
			.filters(OcsfFindingFilters.builder()
				.compositeFilters(CompositeFilter.builder().dateFilters(modified).build())
				.build())
			.maxResults(pageSize)
			.build();
		var pages = clients.securityHub(target).getFindingsV2Paginator(request);
		return () -> pages.stream().map(page -> page.findings()).iterator();
	}

	/** One finding at most: proves {@code securityhub:GetFindings} is allowed. */
	void probeFindings(AccountRegion target) {
		clients.securityHub(target).getFindings(request -> request.maxResults(1));
	}

	/** A standard enabled in an account and Region, with its status. */
	record Subscription(String standardsArn, String status) {

		/**
		 * Enabled, if not necessarily with every control running; {@code FAILED} and
		 * {@code DELETING} are not.
		 */
		boolean enabled() {
			return !status.equals("FAILED") && !status.equals("DELETING");
		}

	}

}
