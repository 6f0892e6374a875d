package io.soc2ops.catalog;

import java.util.Collection;
import java.util.Optional;

/**
 * How statuses combine: a control is as good as its latest test; a criterion fails if any
 * control behind it fails, passes only if all pass, and otherwise needs evidence.
 */
final class ReadinessRule {

	private ReadinessRule() {
	}

	static ReadinessStatus ofControl(Optional<ControlTest> latest) {
		return latest
			.map(test -> test.outcome() == TestOutcome.PASSED ? ReadinessStatus.PASSING : ReadinessStatus.FAILING)
			.orElse(ReadinessStatus.NEEDS_EVIDENCE);
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
