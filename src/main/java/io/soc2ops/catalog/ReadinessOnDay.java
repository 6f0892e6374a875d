package io.soc2ops.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Every criterion's status on one day, replayed from the control tests performed by then
 * and that day's automated check results. A day for which no check results were recorded
 * has no statuses: a replay shows what was known, never a guess.
 *
 * @param recorded whether check results were recorded for the day (today always is)
 * @param statuses each criterion's status; empty when not recorded
 * @param checkResults that day's results per Security Hub control
 */
public record ReadinessOnDay(LocalDate day, boolean recorded, Map<CriterionId, ReadinessStatus> statuses,
		Map<String, CheckResult> checkResults) {

	public ReadinessOnDay {
		statuses = Map.copyOf(statuses);
		checkResults = Map.copyOf(checkResults);
	}

	public Optional<ReadinessStatus> status(CriterionId criterion) {
		return Optional.ofNullable(statuses.get(criterion));
	}

	/** Whether the control had findings that day. */
	public boolean hasResults(String securityHubControlId) {
		return checkResults.containsKey(securityHubControlId);
	}

	/**
	 * Resources failing a Security Hub control that day (none when it had no findings);
	 * empty when the day was not recorded.
	 */
	public Optional<Long> failingResources(String securityHubControlId) {
		if (!recorded) {
			return Optional.empty();
		}
		return Optional.of(Optional.ofNullable(checkResults.get(securityHubControlId))
			.map(CheckResult::failingResources)
			.orElse(0L));
	}

}
