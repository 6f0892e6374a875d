package io.soc2ops.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Puts every interactive sign-in, and every failed one, in the ledger. API token calls
 * are not sign-ins and are not recorded one by one.
 */
@Component
class SignInEvidence {

	private final Users users;

	SignInEvidence(Users users) {
		this.users = users;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		users.recordSignIn(event.getAuthentication().getName(), true,
				remoteAddress(event.getAuthentication().getDetails()));
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		users.recordSignIn(event.getAuthentication().getName(), false,
				remoteAddress(event.getAuthentication().getDetails()));
	}

	private static String remoteAddress(Object details) {
		return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
				? web.getRemoteAddress() : "unknown";
	}

}
