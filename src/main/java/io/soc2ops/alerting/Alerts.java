package io.soc2ops.alerting;

import java.util.List;

import org.springframework.stereotype.Service;

/** The alerts the rules raised, newest first. */
@Service
public class Alerts {

	public static final int PAGE_SIZE = 50;

	private final AlertStore store;

	Alerts(AlertStore store) {
		this.store = store;
	}

	/**
	 * @param page from 1
	 */
	public AlertPage page(int page) {
		if (page < 1) {
			throw AlertingException.refused("page: must be 1 or more but was " + page);
		}
		return new AlertPage(store.newest(PAGE_SIZE, (page - 1) * PAGE_SIZE), page, store.count());
	}

	/** One page of alerts, newest first, and how many there are in all. */
	public record AlertPage(List<Alert> alerts, int page, long total) {

		public AlertPage {
			alerts = List.copyOf(alerts);
		}

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

}
