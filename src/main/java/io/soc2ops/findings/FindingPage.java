package io.soc2ops.findings;

import java.util.List;

/**
 * One page of findings and how many match in all.
 *
 * @param page 1-based
 */
public record FindingPage(List<FindingSummary> findings, long total, int page, int size) {

	public FindingPage {
		findings = List.copyOf(findings);
	}

	public long pages() {
		return Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return (long) page * size < total;
	}

	/** 1-based position of the first finding shown; 0 when there is none. */
	public long from() {
		return findings.isEmpty() ? 0 : (long) (page - 1) * size + 1;
	}

	/** 1-based position of the last finding shown. */
	public long to() {
		return (long) (page - 1) * size + findings.size();
	}

}
