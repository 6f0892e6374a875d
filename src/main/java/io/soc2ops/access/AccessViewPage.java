package io.soc2ops.access;

import java.util.List;

/**
 * A page of holdings, unapproved ones first.
 *
 * @param total current holdings the filter matches
 * @param unapproved of them, those with an open exception
 */
public record AccessViewPage(List<AccessViewLine> lines, long total, long unapproved, int offset, int limit) {

	public AccessViewPage {
		lines = List.copyOf(lines);
	}

	public boolean hasNext() {
		return offset + lines.size() < total;
	}

}
