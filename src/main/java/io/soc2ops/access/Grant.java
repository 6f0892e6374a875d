package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * One account of an access request and its grant.
 *
 * @param accountName the account's name, when soc2ops knows it
 * @param awsRequestId the Identity Center change's ID, for a grant soc2ops made
 * @param failure why soc2ops's last try failed
 * @param removalId the removal opened when the access ended
 */
public record Grant(String accountId, Optional<String> accountName, GrantState state, Optional<GrantMethod> method,
		Optional<Instant> grantedAt, Optional<String> grantedBy, Optional<String> note, Optional<String> awsRequestId,
		Optional<String> failure, int attempts, Optional<Instant> endedAt, Optional<Long> removalId) {

	/** "production (111122223333)", else the ID. */
	public String shown() {
		return accountName.map(name -> name + " (" + accountId + ")").orElse(accountId);
	}

}
