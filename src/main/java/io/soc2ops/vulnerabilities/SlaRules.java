package io.soc2ops.vulnerabilities;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The SLA rules, free of storage: a vulnerability's status at a moment, and whether it
 * was fixed within its SLA. The SQL that filters lists by status says the same (see
 * {@code VulnerabilityStore}); tests hold the two together.
 */
final class SlaRules {

	private SlaRules() {
	}

	/**
	 * The status at {@code at}: fixed once fixed; otherwise excepted while an approved
	 * exception is in force, overdue once past due, open before that or without a
	 * deadline. An exception that expired no longer counts, so the item is overdue again.
	 */
	static VulnerabilityStatus statusAt(Instant at, @Nullable Instant fixedAt, @Nullable Instant dueAt,
			Collection<ExceptionWindow> exceptions) {
		if (fixedAt != null && !fixedAt.isAfter(at)) {
			return VulnerabilityStatus.FIXED;
		}
		if (exceptions.stream().anyMatch(window -> window.inForceAt(at))) {
			return VulnerabilityStatus.EXCEPTED;
		}
		if (dueAt != null && at.isAfter(dueAt)) {
			return VulnerabilityStatus.OVERDUE;
		}
		return VulnerabilityStatus.OPEN;
	}

	/**
	 * Whether the vulnerability was within its SLA as of {@code asOf}: fixed by then, it
	 * is when the fix came by the due time; still open, it is while the due time has not
	 * passed. Empty without a deadline.
	 */
	static Optional<Boolean> withinSla(@Nullable Instant dueAt, @Nullable Instant fixedAt, Instant asOf) {
		if (dueAt == null) {
			return Optional.empty();
		}
		Instant until = fixedAt != null && !fixedAt.isAfter(asOf) ? fixedAt : asOf;
		return Optional.of(!until.isAfter(dueAt));
	}

	/**
	 * An approved exception's time in force: from its approval up to the end of its
	 * expiry day (UTC).
	 */
	record ExceptionWindow(long exceptionId, Instant approvedAt, Instant expiresAt) {

		boolean inForceAt(Instant at) {
			return !approvedAt.isAfter(at) && at.isBefore(expiresAt);
		}

	}

}
