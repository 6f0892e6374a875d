package io.soc2ops.demo;

import java.util.List;

/**
 * The shape of {@code demo/organisation.json}. Dates are relative to today so the demo
 * always shows a current audit period.
 */
record DemoData(String company, List<Account> accounts, List<ControlTestResult> controlTests) {

	record Account(String id, String name, String environment, List<String> regions) {
	}

	record ControlTestResult(String control, String outcome, int daysAgo, String by, String note) {
	}

}
