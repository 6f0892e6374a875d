package io.soc2ops.alerting;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import io.soc2ops.findings.Severity;

/**
 * A rule as someone writes it, checked before anything is stored: the name and route
 * names as EventBridge names rules (1-64 of {@code A-Z a-z 0-9 . _ -}), the pattern as
 * event-ruler parses it (see {@link EventPattern}).
 */
public record AlertRuleDraft(String name, String pattern, Severity severityFloor, List<String> routes,
		boolean enabled) {

	static final int MAX_ROUTES = 10;

	static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	public AlertRuleDraft {
		if (!NAME.matcher(name).matches()) {
			throw AlertingException
				.refused("name: must be 1-64 letters, digits or . _ - (as EventBridge names rules) but was '"
						+ abbreviated(name) + "'");
		}
		routes = List.copyOf(routes);
		if (routes.size() > MAX_ROUTES) {
			throw AlertingException.refused("routes: at most " + MAX_ROUTES + " but there are " + routes.size());
		}
		var seen = new HashSet<String>();
		for (String route : routes) {
			if (!NAME.matcher(route).matches()) {
				throw AlertingException.refused("routes: a route name must be 1-64 letters, digits or . _ - but was '"
						+ abbreviated(route) + "'");
			}
			if (!seen.add(route)) {
				throw AlertingException.refused("routes: '" + route + "' is named twice");
			}
		}
		EventPattern.parse(pattern);
	}

	private static String abbreviated(String value) {
		return value.length() > 80 ? value.substring(0, 80) + "..." : value;
	}

}
