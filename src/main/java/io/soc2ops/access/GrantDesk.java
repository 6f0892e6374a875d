package io.soc2ops.access;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * An operator's part in grants: confirming that they granted an account by hand (also
 * after soc2ops's own try failed), and asking soc2ops to try a failed grant again.
 */
@Component
class GrantDesk {

	static final int MAX_NOTE = 2000;

	private final GrantStore grants;

	private final AccessRequestPeople people;

	private final AccessRequestLedger ledger;

	private final ObjectProvider<IdentityCenterAssignments> assignments;

	private final Clock clock;

	GrantDesk(GrantStore grants, AccessRequestPeople people, AccessRequestLedger ledger,
			ObjectProvider<IdentityCenterAssignments> assignments, Clock clock) {
		this.grants = grants;
		this.people = people;
		this.ledger = ledger;
		this.assignments = assignments;
		this.clock = clock;
	}

	void confirm(AccessRequest request, String account, @Nullable String note, Actor by) {
		people.require(by, Capability.GRANT_ACCESS, "confirm grants");
		var grant = grantOf(request, account);
		String text = note(note);
		if (request.state() != AccessRequestState.APPROVED) {
			throw AccessRefused.conflict("access request " + request.id() + " is " + request.state()
					+ "; only an APPROVED request is granted");
		}
		if (!grants.granted(new GrantStore.Line(request.id(), account),
				EnumSet.of(GrantState.TO_GRANT, GrantState.FAILED), null, GrantMethod.OPERATOR, by.toString(), text,
				null, clock.instant())) {
			throw AccessRefused.conflict("account " + account + " of access request " + request.id() + " is "
					+ grant.state() + "; only one waiting for a grant by hand (TO_GRANT) or whose automatic grant"
					+ " FAILED can be confirmed");
		}
		var step = new LinkedHashMap<String, Object>();
		step.put("account", account);
		step.put("method", GrantMethod.OPERATOR.name());
		if (text != null) {
			step.put("note", text);
		}
		ledger.record("access-request.granted", by, request, step);
	}

	void retry(AccessRequest request, String account, Actor by) {
		people.require(by, Capability.GRANT_ACCESS, "retry grants");
		var grant = grantOf(request, account);
		if (assignments.getIfAvailable() == null) {
			throw AccessRefused.conflict(
					"soc2ops does not create Identity Center assignments here" + "; grant it by hand and confirm");
		}
		if (request.state() != AccessRequestState.APPROVED
				|| !grants.retry(new GrantStore.Line(request.id(), account), clock.instant())) {
			throw AccessRefused.conflict("account " + account + " of access request " + request.id() + " is "
					+ grant.state() + " (request " + request.state() + "); only a FAILED grant can be tried again");
		}
		ledger.record("access-request.grant-retried", by, request, Map.of("account", account));
	}

	static Grant grantOf(AccessRequest request, String account) {
		return request.grants()
			.stream()
			.filter(g -> g.accountId().equals(account))
			.findFirst()
			.orElseThrow(() -> AccessRefused
				.notFound("access request " + request.id() + " has no account " + AccessRequestIntake.shown(account)));
	}

	private static @Nullable String note(@Nullable String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		if (note.length() > MAX_NOTE) {
			throw AccessRefused.invalid("note: is " + note.length() + " characters; at most " + MAX_NOTE);
		}
		return note.strip();
	}

}
