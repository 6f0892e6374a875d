package io.soc2ops.vulnerabilities;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * When a vulnerability must be fixed by, under the policy in force: its clock start plus
 * the days the policy gives its severity; or no deadline, and why.
 */
public sealed interface Deadline {

	/**
	 * The deadline a policy sets for a vulnerability.
	 * @param policy the version in force; null when none is
	 * @param start when its clock started (first observed, else first seen by soc2ops)
	 */
	static Deadline of(@Nullable SlaPolicy policy, String accountId, String resourceType,
			VulnerabilitySeverity severity, Instant start) {
		if (policy == null) {
			return new None(Reason.NO_POLICY_IN_FORCE, null);
		}
		if (!policy.covers(accountId, resourceType)) {
			return new None(Reason.NOT_COVERED, policy.version());
		}
		Optional<Integer> days = policy.daysFor(severity);
		return days.<Deadline>map(d -> new Due(start.plus(Duration.ofDays(d)), d, policy.version()))
			.orElseGet(() -> new None(Reason.NO_SLA_FOR_SEVERITY, policy.version()));
	}

	/**
	 * A deadline as stored: a due time, or none, whose reason follows from the version
	 * that set it.
	 * @param policies the stored versions by number
	 */
	static Deadline stored(@Nullable Instant dueAt, @Nullable Integer days, @Nullable Integer policyVersion,
			IntFunction<Optional<SlaPolicy>> policies, String accountId, String resourceType) {
		if (policyVersion == null) {
			return new None(Reason.NO_POLICY_IN_FORCE, null);
		}
		if (dueAt != null && days != null) {
			return new Due(dueAt, days, policyVersion);
		}
		boolean covered = policies.apply(policyVersion).map(p -> p.covers(accountId, resourceType)).orElse(true);
		return new None(covered ? Reason.NO_SLA_FOR_SEVERITY : Reason.NOT_COVERED, policyVersion);
	}

	/** The due time, when there is one. */
	@Nullable Instant dueAt();

	/** The policy version that set it; null when no policy was in force. */
	@Nullable Integer policyVersion();

	/** For people: {@code due 2026-03-08T10:00:00Z (7 days, policy v2)} or why none. */
	String note();

	/** Due {@code days} after the clock started, as policy {@code policyVersion} says. */
	record Due(Instant at, int days, Integer policyVersion) implements Deadline {

		@Override
		public Instant dueAt() {
			return at;
		}

		@Override
		public String note() {
			return "due " + at + " (" + days + (days == 1 ? " day" : " days") + ", policy v" + policyVersion + ")";
		}

	}

	/** No deadline. */
	record None(Reason reason, @Nullable Integer policyVersion) implements Deadline {

		@Override
		public @Nullable Instant dueAt() {
			return null;
		}

		@Override
		public String note() {
			return switch (reason) {
				case NO_POLICY_IN_FORCE -> "no deadline: no approved vulnerability policy was in force";
				case NOT_COVERED ->
					"no deadline: policy v" + policyVersion + " does not cover this account or resource type";
				case NO_SLA_FOR_SEVERITY -> "no deadline: policy v" + policyVersion + " sets none for this severity";
			};
		}

	}

	/** Why a vulnerability has no deadline. */
	enum Reason {

		NO_POLICY_IN_FORCE, NOT_COVERED, NO_SLA_FOR_SEVERITY

	}

}
