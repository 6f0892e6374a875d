package io.soc2ops.aws;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.soc2ops.alerting.AccountNames;

/**
 * The names of the AWS accounts soc2ops knows, for alerts: the name an account was added
 * to scope with (see {@link AwsAccounts}), else its name in the Organization as the last
 * {@code ListAccounts} gave it. Anything else has no name.
 */
@Component
class AccountNamesInScope implements AccountNames {

	private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

	private final AwsAccounts accounts;

	private final Scope scope;

	AccountNamesInScope(AwsAccounts accounts, Scope scope) {
		this.accounts = accounts;
		this.scope = scope;
	}

	@Override
	public Optional<String> nameOf(String accountId) {
		if (!ACCOUNT_ID.matcher(accountId).matches()) {
			return Optional.empty();
		}
		var account = new AccountId(accountId);
		return accounts.find(account).map(AwsAccount::name).or(() -> scope.organizationName(account));
	}

}
