package io.soc2ops.alerting;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The transactional outbox: in the transaction that raises an alert, one delivery per
 * route of its rule, so the deliveries exist exactly when the alert does. The dispatcher
 * takes them from there.
 */
@Component
class Outbox implements OnAlertRaised {

	private final DeliveryStore deliveries;

	private final DeliveryBell bell;

	private final Clock clock;

	Outbox(DeliveryStore deliveries, DeliveryBell bell, Clock clock) {
		this.deliveries = deliveries;
		this.bell = bell;
		this.clock = clock;
	}

	@Override
	public void raised(Alert alert, AlertRule rule, String idempotencyKey) {
		if (rule.routes().isEmpty()) {
			return;
		}
		String storm = Digests.sha256(alert.ruleName() + '\0' + alert.findingType() + '\0' + alert.severity());
		var now = clock.instant();
		for (String route : rule.routes()) {
			deliveries.insert(UUID.randomUUID().toString(), Digests.sha256(idempotencyKey + '\0' + route), alert, route,
					storm, now);
		}
		bell.ringAfterCommit();
	}

}
