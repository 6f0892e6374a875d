package io.soc2ops.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of approved access whose {@code until} passed: each request in a transaction of
 * its own, taken by a conditional move from APPROVED to EXPIRED so that a second sweep or
 * instance (or a revocation) skips it. Its cover ends at {@code until}; each account gets
 * a removal ({@code EXPIRED}, due {@code until} plus {@code expiry-grace}) as
 * {@link GrantEnding} says.
 */
@Component
class GrantExpiry {

	static final int BATCH = 100;

	private final AccessRequestStore requests;

	private final GrantEnding ending;

	private final AccessRequestLedger ledger;

	private final AccessRequestSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GrantExpiry(AccessRequestStore requests, GrantEnding ending, AccessRequestLedger ledger,
			AccessRequestSettings settings, TransactionTemplate transactions, Clock clock) {
		this.requests = requests;
		this.ending = ending;
		this.ledger = ledger;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @return how many requests expired now
	 */
	int sweep() {
		int expired = 0;
		for (long id : requests.expiredBy(clock.instant(), BATCH)) {
			Boolean done = transactions.execute(status -> expire(id));
			expired += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return expired;
	}

	private boolean expire(long id) {
		var request = requests.find(id, account -> Optional.empty()).orElseThrow();
		Instant until = request.until().orElseThrow();
		if (!requests.move(id, AccessRequestState.APPROVED, AccessRequestState.EXPIRED, clock.instant())) {
			return false;
		}
		var ended = ending.end(request, RemovalReason.EXPIRED, until, until.plus(settings.requests().expiryGrace()));
		var expired = requests.find(id, account -> Optional.empty()).orElseThrow();
		ledger.record("access-request.expired", AccessRequestLedger.ACTOR, expired, Map.of("expiredAt",
				until.toString(), "ended", ended, "removedBy",
				ending.automatic(request) ? RemovalMethod.IDENTITY_CENTER.name() : RemovalMethod.OPERATOR.name()));
		return true;
	}

}
