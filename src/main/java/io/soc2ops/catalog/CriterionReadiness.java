package io.soc2ops.catalog;

import java.util.List;

/**
 * A criterion, its status, the controls behind it and the Security Hub controls mapped to
 * it.
 */
public record CriterionReadiness(Criterion criterion, ReadinessStatus status, List<ControlReadiness> controls,
		List<SecurityHubControl> securityHubControls) {

	public long passing() {
		return controls.stream().filter(c -> c.status() == ReadinessStatus.PASSING).count();
	}

	public long failing() {
		return controls.stream().filter(c -> c.status() == ReadinessStatus.FAILING).count();
	}

	public long withoutEvidence() {
		return controls.stream().filter(c -> c.status() == ReadinessStatus.NEEDS_EVIDENCE).count();
	}

	public List<ControlReadiness> gaps() {
		return controls.stream().filter(ControlReadiness::gap).toList();
	}

}
