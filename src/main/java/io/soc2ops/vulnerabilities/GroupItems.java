package io.soc2ops.vulnerabilities;

import java.util.List;

/**
 * The vulnerabilities of one group, most urgent first, at most as many as asked.
 *
 * @param total how many the group holds in all
 */
public record GroupItems(List<Vulnerability> items, long total) {

	public GroupItems {
		items = List.copyOf(items);
	}

}
