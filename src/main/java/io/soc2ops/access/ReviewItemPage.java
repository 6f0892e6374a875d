package io.soc2ops.access;

import java.util.List;

/**
 * One page of a campaign's items.
 */
public record ReviewItemPage(List<ReviewItem> items, long total, int page, int size) {

	public ReviewItemPage {
		items = List.copyOf(items);
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

}
