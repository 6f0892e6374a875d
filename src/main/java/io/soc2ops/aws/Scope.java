package io.soc2ops.aws;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * The accounts soc2ops works on: the caller's own (STS {@code GetCallerIdentity}) or
 * every active account of the Organization (Organizations {@code ListAccounts}), each
 * with the Regions in scope.
 */
@Component
class Scope {

	private final AwsClients clients;

	Scope(AwsClients clients) {
		this.clients = clients;
	}

	/**
	 * @throws Unavailable naming the call that failed when the accounts cannot be listed
	 */
	List<AccountId> accounts() {
		var settings = clients.settings();
		if (settings.mode() == AwsSettings.Mode.SINGLE_ACCOUNT) {
			try {
				return List.of(new AccountId(clients.sts().getCallerIdentity().account()));
			}
			catch (SdkException ex) {
				throw new Unavailable(AwsFailure.of("sts:GetCallerIdentity", ex));
			}
		}
		try {
			var accounts = new ArrayList<AccountId>();
			for (var page : clients.organizations().listAccountsPaginator()) {
				for (Account account : page.accounts()) {
					if (active(account)) {
						accounts.add(new AccountId(account.id()));
					}
				}
			}
			accounts.sort((a, b) -> a.value().compareTo(b.value()));
			return accounts;
		}
		catch (SdkException ex) {
			throw new Unavailable(AwsFailure.of("organizations:ListAccounts", ex));
		}
	}

	/** Every account in scope in every one of these Regions. */
	List<AccountRegion> targets(List<Region> regions) {
		var targets = new ArrayList<AccountRegion>();
		for (var account : accounts()) {
			for (var region : regions) {
				targets.add(new AccountRegion(account, region));
			}
		}
		return targets;
	}

	/**
	 * {@code State} replaces the {@code Status} AWS retires in 2026; either may be sent.
	 */
	private static boolean active(Account account) {
		if (account.state() != null && account.state() != AccountState.UNKNOWN_TO_SDK_VERSION) {
			return account.state() == AccountState.ACTIVE;
		}
		return account.status() == AccountStatus.ACTIVE;
	}

	/** The accounts in scope could not be found out. */
	static final class Unavailable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient AwsFailure failure;

		Unavailable(AwsFailure failure) {
			super(failure.message());
			this.failure = failure;
		}

		AwsFailure failure() {
			return failure;
		}

	}

}
