package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.User;
import io.soc2ops.identity.Users;

/**
 * Exceptions to the SLA (risk acceptances): requested with a reason, a compensating
 * control and an expiry at most a year ahead; approved or rejected by a person holding
 * the APPROVER role who did not request it. Every step is a ledger entry, and so is each
 * expiry, recorded by {@code vulnerabilities.exception-expiry}. Whether an item is
 * excepted at a moment follows from the approval and the expiry day alone, so an expired
 * exception stops counting at once, whenever its expiry is recorded.
 */
@Service
public class RiskAcceptances {

	/** The furthest ahead an exception may expire. */
	public static final int MAX_DAYS = 365;

	static final int MAX_TEXT = 2000;

	static final int MAX_VULNERABILITIES = 1000;

	private final RiskAcceptanceStore store;

	private final EvidenceLedger ledger;

	private final Users users;

	private final Clock clock;

	RiskAcceptances(RiskAcceptanceStore store, EvidenceLedger ledger, Users users, Clock clock) {
		this.store = store;
		this.ledger = ledger;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @throws VulnerabilityRefused naming the field that does not hold, the vulnerability
	 * that does not exist or is fixed, or a requester without a role that may ask
	 */
	@Transactional
	public RiskAcceptance request(RiskAcceptanceRequest request, Actor by) {
		LocalDate today = today();
		var vulnerabilities = new LinkedHashSet<>(request.vulnerabilities());
		if (vulnerabilities.isEmpty() || vulnerabilities.size() > MAX_VULNERABILITIES) {
			throw VulnerabilityRefused.invalid("vulnerabilities",
					"must list 1-" + MAX_VULNERABILITIES + " vulnerability IDs");
		}
		String reason = text("reason", request.reason());
		String control = text("compensatingControl", request.compensatingControl());
		LocalDate expiresOn = request.expiresOn();
		if (expiresOn == null) {
			throw VulnerabilityRefused.invalid("expiresOn",
					"is required: an exception must expire, at most " + MAX_DAYS + " days ahead");
		}
		if (!expiresOn.isAfter(today)) {
			throw VulnerabilityRefused.invalid("expiresOn", "must be after today (" + today + ") but was " + expiresOn);
		}
		if (expiresOn.isAfter(today.plusDays(MAX_DAYS))) {
			throw VulnerabilityRefused.invalid("expiresOn", "must be at most " + MAX_DAYS + " days ahead (by "
					+ today.plusDays(MAX_DAYS) + ") but was " + expiresOn);
		}
		var known = store.fixedByExisting(vulnerabilities);
		for (long id : vulnerabilities) {
			if (!known.containsKey(id)) {
				throw VulnerabilityRefused.notFound("no vulnerability " + id);
			}
			if (known.get(id)) {
				throw VulnerabilityRefused.invalid("vulnerabilities", "vulnerability " + id + " is fixed already");
			}
		}
		requirePerson(by, Capability.REQUEST_VULNERABILITY_EXCEPTIONS, "request exceptions", true);
		Instant now = clock.instant();
		long id = store.insert(vulnerabilities, reason, control, expiresOn, by.toString(), now);
		var acceptance = find(id).orElseThrow();
		var payload = new LinkedHashMap<String, Object>();
		payload.put("vulnerabilities", List.copyOf(vulnerabilities));
		payload.put("reason", reason);
		payload.put("compensatingControl", control);
		payload.put("expiresOn", expiresOn.toString());
		record("vulnerability-exception.requested", by, acceptance, payload);
		return acceptance;
	}

	/**
	 * @throws VulnerabilityRefused when there is no such exception, it is not waiting for
	 * a decision, its expiry day has passed, or {@code by} is not an approver or asked
	 * for it
	 */
	@Transactional
	public RiskAcceptance approve(long id, @Nullable String note, Actor by) {
		var acceptance = decidable(id, by);
		if (!acceptance.expiresOn().isAfter(today())) {
			throw VulnerabilityRefused
				.conflict("exception " + id + " expires on " + acceptance.expiresOn() + ", which is not after today");
		}
		return decide(acceptance, RiskAcceptance.State.APPROVED, note, by, "vulnerability-exception.approved");
	}

	/**
	 * @throws VulnerabilityRefused as {@link #approve} does; a rejection needs a note
	 */
	@Transactional
	public RiskAcceptance reject(long id, @Nullable String note, Actor by) {
		var acceptance = decidable(id, by);
		return decide(acceptance, RiskAcceptance.State.REJECTED, text("note", note), by,
				"vulnerability-exception.rejected");
	}

	@Transactional(readOnly = true)
	public Optional<RiskAcceptance> find(long id) {
		return store.find(id);
	}

	/** Newest first, at most {@code limit}; those in {@code state}, or all. */
	@Transactional(readOnly = true)
	public List<RiskAcceptance> list(RiskAcceptance.@Nullable State state, int limit) {
		return store.list(state, Math.clamp(limit, 1, 1000));
	}

	/**
	 * Records in the ledger each approved exception whose expiry day has passed, and
	 * marks it expired.
	 * @return how many expired
	 */
	@Transactional
	public int recordExpiries() {
		int expired = 0;
		for (var acceptance : store.expiredBy(clock.instant())) {
			if (store.markExpired(acceptance.id())) {
				record("vulnerability-exception.expired", PolicyApprovals.ACTOR, acceptance,
						Map.of("vulnerabilities", acceptance.vulnerabilities(), "expiresOn",
								acceptance.expiresOn().toString(), "expiredAt", acceptance.expiresAt().toString()));
				expired++;
			}
		}
		return expired;
	}

	List<RiskAcceptance> covering(long vulnerability) {
		return store.covering(vulnerability);
	}

	private RiskAcceptance decidable(long id, Actor by) {
		var acceptance = store.find(id).orElseThrow(() -> VulnerabilityRefused.notFound("no exception " + id));
		if (acceptance.state() != RiskAcceptance.State.REQUESTED) {
			throw VulnerabilityRefused.conflict("exception " + id + " is " + acceptance.state()
					+ "; only a REQUESTED exception can be approved or rejected");
		}
		requirePerson(by, Capability.DECIDE_VULNERABILITY_EXCEPTIONS, "approve or reject exceptions", false);
		if (acceptance.requestedBy().equals(by.toString())) {
			throw VulnerabilityRefused.notAllowed(by.name() + " requested exception " + id
					+ " and may not decide on it: an approver" + " never approves their own request");
		}
		return acceptance;
	}

	private RiskAcceptance decide(RiskAcceptance acceptance, RiskAcceptance.State to, @Nullable String note, Actor by,
			String action) {
		if (note != null && note.length() > MAX_TEXT) {
			throw VulnerabilityRefused.invalid("note", "is " + note.length() + " characters; at most " + MAX_TEXT);
		}
		if (!store.decide(acceptance.id(), RiskAcceptance.State.REQUESTED, to, by.toString(), clock.instant(), note)) {
			throw VulnerabilityRefused.conflict("exception " + acceptance.id() + " was decided meanwhile");
		}
		var decided = store.find(acceptance.id()).orElseThrow();
		var payload = new LinkedHashMap<String, Object>();
		payload.put("vulnerabilities", decided.vulnerabilities());
		payload.put("requestedBy", decided.requestedBy());
		payload.put("expiresOn", decided.expiresOn().toString());
		if (note != null) {
			payload.put("note", note);
		}
		record(action, by, decided, payload);
		return decided;
	}

	/**
	 * A person must hold one of the capability's roles now (not only when their session
	 * began); a part of the system may request but never decide.
	 */
	private void requirePerson(Actor by, Capability capability, String what, boolean systemMay) {
		if (by.kind() == Actor.Kind.SYSTEM) {
			if (systemMay) {
				return;
			}
			throw VulnerabilityRefused.notAllowed(by + " may not " + what + ": that takes a person");
		}
		var roles = users.person(by).map(User::roles).orElse(java.util.Set.<Role>of());
		if (!capability.allows(roles)) {
			throw VulnerabilityRefused.notAllowed(
					by.name() + " may not " + what + " (that needs one of the roles " + capability.roles() + ")");
		}
	}

	private static String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw VulnerabilityRefused.invalid(field, "is required");
		}
		if (value.length() > MAX_TEXT) {
			throw VulnerabilityRefused.invalid(field, "is " + value.length() + " characters; at most " + MAX_TEXT);
		}
		if (value.indexOf('\0') >= 0) {
			throw VulnerabilityRefused.invalid(field, "holds a NUL character, which cannot be stored");
		}
		return value.strip();
	}

	private void record(String action, Actor by, RiskAcceptance acceptance, Map<String, ?> payload) {
		ledger.record(new EvidenceRecord(action, by, "vulnerabilities", acceptance.subject(), today(), payload));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
