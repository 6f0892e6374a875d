package io.soc2ops.access;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.soc2ops.alerting.AlertRoutes;

/**
 * Stops start-up when {@code soc2ops.access.requests.route} names an alert route that
 * does not exist: approvers would never hear of a request. Runs once the application has
 * started, after whatever creates routes on start (the demo's).
 */
@Component
@Order(100)
class AccessRequestRouteCheck implements ApplicationRunner {

	private final AccessRequestSettings settings;

	private final AlertRoutes routes;

	AccessRequestRouteCheck(AccessRequestSettings settings, AlertRoutes routes) {
		this.settings = settings;
		this.routes = routes;
	}

	@Override
	public void run(ApplicationArguments args) {
		String route = settings.requests().route();
		if (route != null && routes.find(route).isEmpty()) {
			throw new IllegalStateException(AccessRequestSettings.Requests.PREFIX + ".route: there is no alert route"
					+ " named '" + route + "'; create it under Alert routes (or POST /api/v1/alert-routes) first,"
					+ " or correct the name");
		}
	}

}
