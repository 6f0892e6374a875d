package io.soc2ops.alerting;

import java.util.List;
import java.util.Optional;

/**
 * What one Slack message tells: one alert, or a storm of similar ones (same rule, finding
 * type and severity) with the deliveries it completes.
 *
 * @param alerts the alerts, oldest first
 * @param deliveryIds the outbox deliveries this message completes, one per alert
 * @param groupId names the message when it carries more than one alert
 */
record Notice(List<Alert> alerts, List<String> deliveryIds, Optional<String> groupId) {

	Notice {
		alerts = List.copyOf(alerts);
		deliveryIds = List.copyOf(deliveryIds);
		if (alerts.isEmpty() || alerts.size() != deliveryIds.size()) {
			throw new IllegalArgumentException("a notice carries one delivery per alert, at least one");
		}
	}

	boolean grouped() {
		return alerts.size() > 1;
	}

	Alert first() {
		return alerts.getFirst();
	}

}
