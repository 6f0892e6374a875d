package io.soc2ops.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.soc2ops.findings.Findings;
import io.soc2ops.findings.FindingSummary;

/**
 * Finds the Security Hub IAM controls' results ({@code IAM.x}) that concern review items:
 * those on their accounts, and those on the IAM user an item is about. They are today's
 * results, beside the frozen items, for the reviewer to weigh.
 */
@Component
class ReviewIamLookup {

	static final String PREFIX = "IAM.";

	static final int MOST = 2000;

	private final Findings findings;

	ReviewIamLookup(Findings findings) {
		this.findings = findings;
	}

	ReviewIamControls of(List<ReviewItem> items) {
		var accounts = new LinkedHashSet<String>();
		items.forEach(item -> accounts.add(item.accountId()));
		var byAccount = new HashMap<String, List<ReviewIamResult>>();
		var byUserArn = new HashMap<String, List<ReviewIamResult>>();
		for (FindingSummary finding : findings.controlResults(PREFIX, accounts, MOST)) {
			var result = new ReviewIamResult(String.valueOf(finding.securityControlId()),
					finding.compliance() == null ? "NOT_AVAILABLE" : finding.compliance().name(), finding.title(),
					finding.resourceId(), finding.key());
			if (finding.resourceType().equals("AwsIamUser")) {
				byUserArn.computeIfAbsent(finding.resourceId().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
					.add(result);
			}
			else {
				byAccount.computeIfAbsent(finding.accountId(), k -> new ArrayList<>()).add(result);
			}
		}
		var byItem = new HashMap<Long, List<ReviewIamResult>>();
		for (var item : items) {
			if (item.kind() == HoldingKind.IAM_USER) {
				var results = byUserArn.get(item.entitlementRef().toLowerCase(Locale.ROOT));
				if (results != null) {
					byItem.put(item.id(), List.copyOf(results));
				}
			}
		}
		Map<String, List<ReviewIamResult>> accountsShown = new HashMap<>();
		byAccount.forEach((account, results) -> accountsShown.put(account, List.copyOf(results)));
		return new ReviewIamControls(accountsShown, byItem);
	}

}
