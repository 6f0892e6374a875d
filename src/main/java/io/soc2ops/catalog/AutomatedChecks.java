package io.soc2ops.catalog;

import java.util.Map;

/**
 * Where automated check results come from. The catalog defines it and the findings module
 * implements it, so the catalog never depends on findings.
 */
public interface AutomatedChecks {

	/** Results by Security Hub control ID, for every control that has any. */
	Map<String, CheckResult> results();

}
