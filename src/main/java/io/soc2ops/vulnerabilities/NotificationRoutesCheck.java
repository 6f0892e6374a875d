package io.soc2ops.vulnerabilities;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.soc2ops.alerting.AlertRoutes;

/**
 * Stops start-up when a notification setting names an alert route that does not exist,
 * naming the setting: a notice sent there would never arrive. Runs once the application
 * has started, after whatever creates routes on start (the demo's).
 */
@Component
@Order(NotificationRoutesCheck.ORDER)
class NotificationRoutesCheck implements ApplicationRunner {

	/** After the demo's loaders. */
	static final int ORDER = 100;

	private final NotificationSettings settings;

	private final AlertRoutes routes;

	NotificationRoutesCheck(NotificationSettings settings, AlertRoutes routes) {
		this.settings = settings;
		this.routes = routes;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.enabled()) {
			return;
		}
		settings.namedRoutes().forEach((route, setting) -> {
			if (routes.find(route).isEmpty()) {
				throw new IllegalStateException(setting + ": there is no alert route named '" + route
						+ "'; create it under Alert routes (or POST /api/v1/alert-routes) first, or correct the name");
			}
		});
	}

}
