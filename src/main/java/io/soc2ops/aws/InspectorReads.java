package io.soc2ops.aws;

import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.inspector2.model.FilterCriteria;
import software.amazon.awssdk.services.inspector2.model.Finding;
import software.amazon.awssdk.services.inspector2.model.FindingStatus;
import software.amazon.awssdk.services.inspector2.model.ListFindingsRequest;
import software.amazon.awssdk.services.inspector2.model.ListFindingsResponse;
import software.amazon.awssdk.services.inspector2.model.StringComparison;
import software.amazon.awssdk.services.inspector2.model.StringFilter;

/**
 * The Amazon Inspector calls soc2ops makes, both read-only: {@code BatchGetAccountStatus}
 * (is Inspector on in this account and Region) and {@code ListFindings} through the SDK's
 * paginator. Failures surface as the SDK's exceptions; callers turn them into an
 * {@link AwsFailure}.
 */
@Component
class InspectorReads {

	private final AwsClients clients;

	InspectorReads(AwsClients clients) {
		this.clients = clients;
	}

	/** Inspector's status for the target's account in the target's Region. */
	AccountStatus accountStatus(AccountRegion target) {
		String account = target.account().value();
		var response = clients.inspector(target).batchGetAccountStatus(request -> request.accountIds(account));
		for (var state : response.accounts()) {
			if (account.equals(state.accountId()) && state.state() != null) {
				return new AccountStatus(state.state().statusAsString(), state.state().errorCodeAsString(),
						state.state().errorMessage());
			}
		}
		for (var failed : response.failedAccounts()) {
			if (account.equals(failed.accountId())) {
				return new AccountStatus(failed.statusAsString(), failed.errorCodeAsString(), failed.errorMessage());
			}
		}
		return new AccountStatus(null, null, "BatchGetAccountStatus did not name the account");
	}

	/**
	 * The account's findings in the target's Region, of every status, page by page as AWS
	 * sends them; a page is fetched when the one before has been handled. The status is
	 * asked for explicitly, since what {@code ListFindings} leaves out by default is not
	 * documented; the account too, since a delegated administrator's list holds its
	 * members' findings, which their own sync reads.
	 */
	Iterable<List<Finding>> findings(AccountRegion target, int pageSize) {
		var request = ListFindingsRequest.builder()
			.filterCriteria(FilterCriteria.builder()
				.awsAccountId(equalTo(target.account().value()))
				.findingStatus(equalTo(FindingStatus.ACTIVE.toString()), equalTo(FindingStatus.SUPPRESSED.toString()),
						equalTo(FindingStatus.CLOSED.toString()))
				.build())
			.maxResults(pageSize)
			.build();
		var pages = clients.inspector(target).listFindingsPaginator(request);
		return () -> new Iterator<>() {

			private final Iterator<ListFindingsResponse> responses = pages.iterator();

			@Override
			public boolean hasNext() {
				return responses.hasNext();
			}

			@Override
			public List<Finding> next() {
				return responses.next().findings();
			}

		};
	}

	private static StringFilter equalTo(String value) {
		return StringFilter.builder().comparison(StringComparison.EQUALS).value(value).build();
	}

	/**
	 * What {@code BatchGetAccountStatus} said of an account.
	 *
	 * @param status {@code ENABLED}, {@code DISABLED}, {@code ENABLING}, ...; absent when
	 * AWS named none
	 * @param errorCode why it is not enabled, when AWS says ({@code ACCESS_DENIED}, ...)
	 */
	record AccountStatus(@Nullable String status, @Nullable String errorCode, @Nullable String errorMessage) {

		boolean enabled() {
			return "ENABLED".equals(status);
		}

	}

}
