package io.soc2ops.identity;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.soc2ops.evidence.EvidenceLedger;

/**
 * Slows down password guessing: after too many failed sign-ins for a username, the
 * account is locked for a while. Counts the failures the ledger already holds, so every
 * instance of a cluster sees the same count.
 */
@Component
class SignInThrottle {

	private final EvidenceLedger ledger;

	private final IdentitySettings settings;

	private final Clock clock;

	SignInThrottle(EvidenceLedger ledger, IdentitySettings settings, Clock clock) {
		this.ledger = ledger;
		this.settings = settings;
		this.clock = clock;
	}

	boolean locked(String username) {
		long failures = ledger.countSince(Users.subjectFor(username), Users.SIGN_IN_FAILED,
				clock.instant().minus(settings.lockout()));
		return failures >= settings.maxFailedSignIns();
	}

}
