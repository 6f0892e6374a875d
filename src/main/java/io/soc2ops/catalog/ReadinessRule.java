package io.soc2ops.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How statuses combine. A control fails if its latest test failed or any of its automated
 * checks fails; it passes if its latest test passed or its checks pass; otherwise it
 * needs evidence. A criterion fails if any control or mapped Security Hub control behind
 * it fails, passes only if all pass, needs evidence if some have none, and has no data if
 * nothing addresses it.
 */
final class ReadinessRule {

	private ReadinessRule() {
	}

	static ReadinessStatus ofControl(Optional<ControlTest> latest) {
		return ofControl(latest, List.of());
	}

	static ReadinessStatus ofControl(Optional<ControlTest> latest, Collection<CheckResult> checks) {
		var tested = latest
			.map(test -> test.outcome() == TestOutcome.PASSED ? ReadinessStatus.PASSING : ReadinessStatus.FAILING);
		boolean checkFails = checks.stream().anyMatch(c -> c.status() == ReadinessStatus.FAILING);
		boolean checkPasses = checks.stream().anyMatch(c -> c.status() == ReadinessStatus.PASSING);
		if (checkFails || tested.filter(ReadinessStatus.FAILING::equals).isPresent()) {
			return ReadinessStatus.FAILING;
		}
		if (checkPasses || tested.isPresent()) {
			return ReadinessStatus.PASSING;
		}
		return ReadinessStatus.NEEDS_EVIDENCE;
	}

	static ReadinessStatus ofCriterion(Collection<ReadinessStatus> controls) {
		if (controls.isEmpty()) {
			return ReadinessStatus.NO_DATA;
		}
		if (controls.contains(ReadinessStatus.FAILING)) {
			return ReadinessStatus.FAILING;
		}
		if (controls.stream().allMatch(s -> s == ReadinessStatus.PASSING)) {
			return ReadinessStatus.PASSING;
		}
		return ReadinessStatus.NEEDS_EVIDENCE;
	}

}
