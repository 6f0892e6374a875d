package io.soc2ops.alerting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
	public void raised(List<Raised> alerts) {
		var now = clock.instant();
		var rows = new ArrayList<DeliveryStore.NewDelivery>();
		for (var raised : alerts) {
			var alert = raised.alert();
			String storm = Digests.sha256(alert.ruleName() + '\0' + alert.findingType() + '\0' + alert.severity());
			for (String route : raised.rule().routes()) {
				rows.add(new DeliveryStore.NewDelivery(UUID.randomUUID().toString(),
						Digests.sha256(raised.idempotencyKey() + '\0' + route), alert, route, storm, now));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		deliveries.insertAll(rows);
		bell.ringAfterCommit();
	}

}
