package io.soc2ops.alerting;

import java.util.List;

/** A route name that rules send alerts to, but no route of that name exists. */
public record MissingRoute(String route, List<String> rules) {

	public MissingRoute {
		rules = List.copyOf(rules);
	}

}
