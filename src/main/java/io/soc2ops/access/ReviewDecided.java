package io.soc2ops.access;

import java.util.List;

/**
 * What one decision call did.
 *
 * @param removals the removals the revocations opened
 * @param completed whether it was the campaign's last open item(s)
 */
public record ReviewDecided(ReviewDecision decision, int items, List<Long> removals, boolean completed) {

	public ReviewDecided {
		removals = List.copyOf(removals);
	}

}
