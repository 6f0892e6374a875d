package io.soc2ops.alerting;

import java.util.List;

/** One page of alerts with their cases, newest first, and how many match in all. */
public record CasePage(List<CaseSummary> rows, int page, long total, CaseFilter filter) {

	public CasePage {
		rows = List.copyOf(rows);
	}

	public int pages() {
		return (int) Math.max(1, (total + AlertCases.PAGE_SIZE - 1) / AlertCases.PAGE_SIZE);
	}

}
