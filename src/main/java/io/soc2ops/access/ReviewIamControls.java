package io.soc2ops.access;

import java.util.List;
import java.util.Map;

/**
 * The Security Hub IAM control results beside a page of review items.
 *
 * @param byAccount per account, the results on the account itself (such as IAM.6, MFA for
 * the root user) and on anything but an IAM user
 * @param byItem per item of an IAM user, the results on that user (such as IAM.5, MFA for
 * console users, and IAM.3, access key rotation)
 */
public record ReviewIamControls(Map<String, List<ReviewIamResult>> byAccount, Map<Long, List<ReviewIamResult>> byItem) {

	public ReviewIamControls {
		byAccount = Map.copyOf(byAccount);
		byItem = Map.copyOf(byItem);
	}

	public List<ReviewIamResult> account(String accountId) {
		return byAccount.getOrDefault(accountId, List.of());
	}

	public List<ReviewIamResult> item(long itemId) {
		return byItem.getOrDefault(itemId, List.of());
	}

}
