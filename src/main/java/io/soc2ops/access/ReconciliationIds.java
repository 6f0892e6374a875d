package io.soc2ops.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Exception IDs as ranges for a ledger entry: the exceptions one run finds get
 * consecutive IDs, so {@code ["101-5100"]} names five thousand of them exactly in a few
 * bytes.
 */
final class ReconciliationIds {

	private ReconciliationIds() {
	}

	/** {@code [1, 2, 3, 7, 9, 10]} as {@code ["1-3", "7", "9-10"]}; IDs ascending. */
	static List<String> ranges(List<Long> ids) {
		var ranges = new ArrayList<String>();
		int start = 0;
		for (int i = 1; i <= ids.size(); i++) {
			if (i == ids.size() || ids.get(i) != ids.get(i - 1) + 1) {
				long first = ids.get(start);
				long last = ids.get(i - 1);
				ranges.add(first == last ? String.valueOf(first) : first + "-" + last);
				start = i;
			}
		}
		return ranges;
	}

}
