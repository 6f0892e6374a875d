package io.soc2ops.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A criterion, its status, the controls behind it, and the Security Hub controls mapped
 * to it with their latest results.
 */
public record CriterionReadiness(Criterion criterion, ReadinessStatus status, List<ControlReadiness> controls,
		List<SecurityHubControl> securityHubControls, Map<String, CheckResult> checkResults) {

	public CriterionReadiness {
		controls = List.copyOf(controls);
		securityHubControls = List.copyOf(securityHubControls);
		checkResults = Map.copyOf(checkResults);
	}

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

	/** The latest result of a mapped Security Hub control, if findings about it exist. */
	public Optional<CheckResult> checkResult(String securityHubControlId) {
		return Optional.ofNullable(checkResults.get(securityHubControlId));
	}

	/** The mapped Security Hub controls that fail, the reason a criterion is failing. */
	public List<SecurityHubControl> failingSecurityHubControls() {
		return securityHubControls.stream()
			.filter(c -> checkResult(c.id()).filter(r -> r.status() == ReadinessStatus.FAILING).isPresent())
			.toList();
	}

}
