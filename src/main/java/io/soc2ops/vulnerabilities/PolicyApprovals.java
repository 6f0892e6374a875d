package io.soc2ops.vulnerabilities;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.policies.VulnerabilityPolicyApproved;

/**
 * Hears of each approved version of the vulnerability management policy. The event
 * publication registry keeps the event until this has run, so a crash in between delivers
 * it again at the next start; keeping a version twice changes nothing. A version
 * effective from a later day is kept now and applied on that day by
 * {@code vulnerabilities.policy-in-force}.
 */
@Component
class PolicyApprovals {

	/**
	 * Fixed, so that publications left incomplete find the listener after a refactoring.
	 */
	static final String LISTENER_ID = "vulnerabilities.policy-approved";

	static final Actor ACTOR = Actor.system("vulnerabilities");

	private final SlaPolicies policies;

	private final SlaRecompute recompute;

	private final Clock clock;

	PolicyApprovals(SlaPolicies policies, SlaRecompute recompute, Clock clock) {
		this.policies = policies;
		this.recompute = recompute;
		this.clock = clock;
	}

	@ApplicationModuleListener(id = LISTENER_ID)
	void on(VulnerabilityPolicyApproved approved) {
		policies.keep(approved.policy(), clock.instant());
		recompute.applyPolicyInForce(ACTOR);
	}

}
