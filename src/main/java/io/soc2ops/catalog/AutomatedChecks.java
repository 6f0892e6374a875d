package io.soc2ops.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where automated check results come from. The catalog defines it and the findings module
 * implements it, so the catalog never depends on findings.
 */
public interface AutomatedChecks {

	/** Results by Security Hub control ID, for every control that has any. */
	Map<String, CheckResult> results();

	/**
	 * The results recorded for a day (its daily snapshot), by Security Hub control ID;
	 * empty when nothing was recorded for that day, so a replay never invents results.
	 */
	default Optional<Map<String, CheckResult>> resultsOn(LocalDate day) {
		return Optional.empty();
	}

	/**
	 * {@link #resultsOn(LocalDate)} for every day from {@code from} to {@code to}; a day
	 * without recorded results is not a key.
	 */
	default Map<LocalDate, Map<String, CheckResult>> resultsBetween(LocalDate from, LocalDate to) {
		var results = new TreeMap<LocalDate, Map<String, CheckResult>>();
		for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
			var day0 = day;
			resultsOn(day).ifPresent(r -> results.put(day0, r));
		}
		return results;
	}

}
