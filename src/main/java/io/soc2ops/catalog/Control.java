package io.soc2ops.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One of the company's controls: a testable statement, the criteria it addresses, and the
 * Security Hub controls that check it automatically (none for a manual control).
 */
public record Control(String id, String area, Localized title, List<CriterionId> criteria, List<String> checks) {

	static final Pattern ID = Pattern.compile("[A-Z]{2,5}-[0-9]{2,3}");

	public Control {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'" + id + "' is not a control ID (like ACC-01)");
		}
		if (criteria.isEmpty()) {
			throw new IllegalArgumentException("control " + id + " addresses no criterion");
		}
		criteria = List.copyOf(criteria);
		checks = List.copyOf(checks);
	}

	public boolean automated() {
		return !checks.isEmpty();
	}

}
