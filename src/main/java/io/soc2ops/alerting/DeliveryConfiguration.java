package io.soc2ops.alerting;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.EvidenceLedger;

/**
 * Wires delivery from the outbox. The dispatcher starts with the application when
 * {@code soc2ops.alerting.delivery.enabled} (the server) and a route directory exists;
 * one-shot commands turn it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DeliverySettings.class, PublicSite.class })
class DeliveryConfiguration {

	@Bean
	Courier courier(DeliveryStore store, AlertStore alerts, ObjectProvider<RouteDirectory> routes,
			SlackMessage messages, RouteTurns turns, EvidenceLedger ledger, TransactionTemplate transaction,
			DeliverySettings settings, Clock clock) {
		return new Courier(store, alerts, routes, messages, turns, ledger, transaction, settings, clock);
	}

	@Bean
	Dispatcher deliveryDispatcher(DeliverySettings settings, DeliveryStore store, RouteTurns turns, Courier courier,
			DeliveryBell bell, Clock clock) {
		return new Dispatcher(settings, store, turns, courier, bell, clock);
	}

}
