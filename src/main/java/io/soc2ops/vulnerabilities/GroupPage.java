package io.soc2ops.vulnerabilities;

import java.util.List;

/**
 * One page of groups, those with an overdue vulnerability first, then by the earliest due
 * time.
 *
 * @param page from 1
 * @param groups how many groups the selection holds
 * @param items how many vulnerabilities they hold
 */
public record GroupPage(List<VulnerabilityGroup> rows, int page, int size, long groups, long items) {

	public GroupPage {
		rows = List.copyOf(rows);
	}

	public long pages() {
		return Math.max(1, (groups + size - 1) / size);
	}

}
