package io.soc2ops.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

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

	private static final Pattern ACCOUNT_ARN = Pattern
		.compile("arn:aws[a-z-]*:organizations::([0-9]{12}):account/o-[a-z0-9]+/[0-9]{12}");

	private final AwsClients clients;

	/** The accounts' names as {@code ListAccounts} last gave them. */
	private final Map<AccountId, String> names = new ConcurrentHashMap<>();

	Scope(AwsClients clients) {
		this.clients = clients;
	}

	/**
	 * @throws Unavailable naming the call that failed when the accounts cannot be listed
	 */
	List<AccountId> accounts() {
		return find().accounts();
	}

	/**
	 * The accounts in scope and the account in charge of them: in ORGANIZATION mode the
	 * management account, which every account ARN names
	 * ({@code arn:aws:organizations::<management>:account/o-.../<id>}); in SINGLE_ACCOUNT
	 * mode the one account.
	 * @throws Unavailable naming the call that failed when the accounts cannot be listed
	 */
	Found find() {
		var settings = clients.settings();
		if (settings.mode() == AwsSettings.Mode.SINGLE_ACCOUNT) {
			try {
				var account = new AccountId(clients.sts().getCallerIdentity().account());
				return new Found(account, List.of(account));
			}
			catch (SdkException ex) {
				throw new Unavailable(AwsFailure.of("sts:GetCallerIdentity", ex));
			}
		}
		try {
			var accounts = new ArrayList<AccountId>();
			AccountId management = null;
			for (var page : clients.organizations().listAccountsPaginator()) {
				for (Account account : page.accounts()) {
					if (management == null) {
						management = management(account.arn());
					}
					if (active(account)) {
						accounts.add(new AccountId(account.id()));
					}
					if (account.name() != null && !account.name().isBlank()) {
						names.put(new AccountId(account.id()), account.name());
					}
				}
			}
			accounts.sort((a, b) -> a.value().compareTo(b.value()));
			return new Found(management, accounts);
		}
		catch (SdkException ex) {
			throw new Unavailable(AwsFailure.of("organizations:ListAccounts", ex));
		}
	}

	/**
	 * An account's name in the Organization, as the latest {@code ListAccounts} of this
	 * instance gave it (a collection or a connection check lists them).
	 */
	Optional<String> organizationName(AccountId account) {
		return Optional.ofNullable(names.get(account));
	}

	/** Every account's name in the Organization, as this instance last listed them. */
	Map<AccountId, String> organizationNames() {
		return Map.copyOf(names);
	}

	/** Every account in scope in every one of these Regions. */
	List<AccountRegion> targets(List<Region> regions) {
		return find().targets(regions);
	}

	private static @Nullable AccountId management(@Nullable String accountArn) {
		var matcher = accountArn == null ? null : ACCOUNT_ARN.matcher(accountArn);
		return matcher != null && matcher.matches() ? new AccountId(matcher.group(1)) : null;
	}

	/**
	 * @param management the account in charge, when AWS named it
	 */
	record Found(@Nullable AccountId management, List<AccountId> accounts) {

		/** Every account in every one of these Regions. */
		List<AccountRegion> targets(List<Region> regions) {
			var targets = new ArrayList<AccountRegion>();
			for (var account : accounts) {
				for (var region : regions) {
					targets.add(new AccountRegion(account, region));
				}
			}
			return targets;
		}

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
