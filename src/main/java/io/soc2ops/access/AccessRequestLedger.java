package io.soc2ops.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Each step of an access request as a ledger entry about {@code access-request:<id>},
 * carrying the request's canonical details (who for, who asked, what, where, why, until
 * when, which ticket) besides the step's own.
 */
@Component
class AccessRequestLedger {

	static final String MODULE = "access";

	/** soc2ops itself, in its sweeps and its own Identity Center calls. */
	static final Actor ACTOR = Actor.system("access-requests");

	private final EvidenceLedger ledger;

	private final Clock clock;

	AccessRequestLedger(EvidenceLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	void record(String action, Actor by, AccessRequest request, Map<String, ?> step) {
		ledger.record(new EvidenceRecord(action, by, MODULE, request.subject(),
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), payload(request, step)));
	}

	/** The request's canonical details, then the step's own. */
	static Map<String, Object> payload(AccessRequest request, Map<String, ?> step) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("person", request.person().value());
		payload.put("requestedBy", request.requestedBy());
		payload.put("kind", request.kind().name());
		payload.put("entitlement", request.entitlement());
		payload.put("entitlementRef", request.entitlementRef());
		payload.put("accounts", request.accountIds());
		payload.put("privileged", request.privileged());
		payload.put("approvalsNeeded", request.approvalsNeeded());
		payload.put("reason", request.reason());
		request.until().ifPresent(until -> payload.put("until", until.toString()));
		request.ticket().ifPresent(ticket -> payload.put("ticketUrl", ticket.url()));
		payload.put("state", request.state().name());
		payload.putAll(step);
		return payload;
	}

}
