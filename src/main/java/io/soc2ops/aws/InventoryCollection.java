package io.soc2ops.aws;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * The access inventory's part of a collection: every account's IAM, at most
 * {@code max-concurrency} accounts at a time, then the Organization's IAM Identity
 * Center. One account failing is recorded on its sync and does not stop the others.
 */
@Component
class InventoryCollection {

	private final AwsSettings settings;

	private final AwsClients clients;

	private final IamPull iam;

	private final IdentityCenterPull identityCenter;

	InventoryCollection(AwsSettings settings, AwsClients clients, IamPull iam, IdentityCenterPull identityCenter) {
		this.settings = settings;
		this.clients = clients;
		this.iam = iam;
		this.identityCenter = identityCenter;
	}

	/**
	 * @param accounts the accounts in scope
	 * @param owner the account in charge (the management account, or the one account),
	 * which Identity Center's sync is recorded under unless AWS names another
	 */
	List<InventorySync> collect(List<AccountId> accounts, @Nullable AccountId owner) {
		var syncs = new ArrayList<InventorySync>();
		if (iam.enabled()) {
			syncs.addAll(FanOut.each(accounts, settings.rateLimits().maxConcurrency(), this::iam));
		}
		var recordedUnder = owner != null ? owner : accounts.isEmpty() ? null : accounts.getFirst();
		if (identityCenter.enabled() && recordedUnder != null) {
			syncs.add(identityCenter.pull(recordedUnder));
		}
		return syncs;
	}

	private InventorySync iam(AccountId account) {
		if (settings.mode() == AwsSettings.Mode.ORGANIZATION) {
			try {
				clients.assumeRole(account);
			}
			catch (SdkException ex) {
				return iam.skipped(account, AwsFailure.of("sts:AssumeRole into " + settings.roleArn(account), ex));
			}
		}
		return iam.pull(account);
	}

}
