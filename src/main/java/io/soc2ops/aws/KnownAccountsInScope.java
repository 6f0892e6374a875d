package io.soc2ops.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Component;

import io.soc2ops.access.KnownAccount;
import io.soc2ops.access.KnownAccounts;

/**
 * The accounts access can be requested for: those added to scope ({@link AwsAccounts}),
 * with their names, then the Organization's as this instance's latest
 * {@code ListAccounts} gave them (a collection or a connection check lists them). With
 * AWS disabled, only the registered ones.
 */
@Component
class KnownAccountsInScope implements KnownAccounts {

	private final AwsAccounts accounts;

	private final Scope scope;

	KnownAccountsInScope(AwsAccounts accounts, Scope scope) {
		this.accounts = accounts;
		this.scope = scope;
	}

	@Override
	public List<KnownAccount> all() {
		var known = new ArrayList<KnownAccount>();
		var seen = new LinkedHashSet<String>();
		for (var account : accounts.all()) {
			if (seen.add(account.id().value())) {
				known.add(new KnownAccount(account.id().value(), account.name()));
			}
		}
		scope.organizationNames()
			.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value())))
			.filter(entry -> seen.add(entry.getKey().value()))
			.forEach(entry -> known.add(new KnownAccount(entry.getKey().value(), entry.getValue())));
		return List.copyOf(known);
	}

}
