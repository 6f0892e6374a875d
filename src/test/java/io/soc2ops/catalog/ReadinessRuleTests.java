package io.soc2ops.catalog;

import static io.soc2ops.catalog.ReadinessStatus.FAILING;
import static io.soc2ops.catalog.ReadinessStatus.NEEDS_EVIDENCE;
import static io.soc2ops.catalog.ReadinessStatus.NO_DATA;
import static io.soc2ops.catalog.ReadinessStatus.PASSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReadinessRuleTests {

	@Test
	void aControlWithoutTestNeedsEvidence() {
		assertThat(ReadinessRule.ofControl(Optional.empty())).isEqualTo(NEEDS_EVIDENCE);
	}

	@Test
	void aControlWhoseLatestTestPassedIsPassing() {
		assertThat(ReadinessRule.ofControl(Optional.of(test(TestOutcome.PASSED)))).isEqualTo(PASSING);
	}

	@Test
	void aControlWhoseLatestTestFailedIsFailing() {
		assertThat(ReadinessRule.ofControl(Optional.of(test(TestOutcome.FAILED)))).isEqualTo(FAILING);
	}

	@Test
	void aCriterionWithoutControlsHasNoData() {
		assertThat(ReadinessRule.ofCriterion(List.of())).isEqualTo(NO_DATA);
	}

	@Test
	void aCriterionPassesOnlyWhenEveryControlPasses() {
		assertThat(ReadinessRule.ofCriterion(List.of(PASSING))).isEqualTo(PASSING);
		assertThat(ReadinessRule.ofCriterion(List.of(PASSING, PASSING, PASSING))).isEqualTo(PASSING);
		assertThat(ReadinessRule.ofCriterion(List.of(PASSING, PASSING, NEEDS_EVIDENCE))).isEqualTo(NEEDS_EVIDENCE);
	}

	@Test
	void oneFailingControlMakesTheCriterionFailWhateverTheOthersAre() {
		assertThat(ReadinessRule.ofCriterion(List.of(FAILING))).isEqualTo(FAILING);
		assertThat(ReadinessRule.ofCriterion(List.of(PASSING, FAILING, PASSING))).isEqualTo(FAILING);
		assertThat(ReadinessRule.ofCriterion(List.of(NEEDS_EVIDENCE, FAILING))).isEqualTo(FAILING);
		assertThat(ReadinessRule.ofCriterion(List.of(NEEDS_EVIDENCE, NEEDS_EVIDENCE, FAILING))).isEqualTo(FAILING);
	}

	@Test
	void aCriterionWhoseControlsAreUntestedNeedsEvidence() {
		assertThat(ReadinessRule.ofCriterion(List.of(NEEDS_EVIDENCE))).isEqualTo(NEEDS_EVIDENCE);
		assertThat(ReadinessRule.ofCriterion(List.of(NEEDS_EVIDENCE, NEEDS_EVIDENCE))).isEqualTo(NEEDS_EVIDENCE);
		assertThat(ReadinessRule.ofCriterion(List.of(NEEDS_EVIDENCE, PASSING))).isEqualTo(NEEDS_EVIDENCE);
	}

	private static ControlTest test(TestOutcome outcome) {
		return new ControlTest("ACC-01", outcome, LocalDate.of(2026, 11, 2), Instant.parse("2026-11-02T09:00:00Z"),
				"user:mika", "", 1);
	}

}
