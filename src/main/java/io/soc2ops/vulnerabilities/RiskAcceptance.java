package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An exception to the SLA (a risk acceptance) for some vulnerabilities: asked for with a
 * reason, a compensating control and an expiry day, and approved or rejected by an
 * approver who is not the requester. Approved, it holds until the end of its expiry day
 * (UTC); after that its vulnerabilities are overdue again if past due.
 *
 * @param vulnerabilities the IDs of the vulnerabilities it covers
 * @param decidedBy who approved or rejected it
 */
public record RiskAcceptance(long id, State state, List<Long> vulnerabilities, String reason,
		String compensatingControl, LocalDate expiresOn, String requestedBy, Instant requestedAt,
		@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote) {

	public RiskAcceptance {
		vulnerabilities = List.copyOf(vulnerabilities);
	}

	/** The first moment it no longer holds: the start of the day after its expiry day. */
	public Instant expiresAt() {
		return expiresAt(expiresOn);
	}

	static Instant expiresAt(LocalDate expiresOn) {
		return expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The ledger's subject for it. */
	public String subject() {
		return "vulnerability-exception:" + id;
	}

	public enum State {

		/** Waiting for an approver. */
		REQUESTED,
		/** Approved: in force until it expires. */
		APPROVED,
		/** Rejected: never in force. */
		REJECTED,
		/** Approved, and past its expiry day (its expiry is in the ledger). */
		EXPIRED

	}

}
