package io.soc2ops.vulnerabilities;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack notices about vulnerabilities ({@code soc2ops.vulnerabilities.notify.*}): which
 * alert routes they go to, how early "due soon" comes, and when the weekly digest is
 * sent. A value that does not hold stops start-up with a message naming the setting;
 * route names are checked against the routes that exist once the application has started
 * ({@link NotificationRoutesCheck}).
 *
 * @param enabled whether soc2ops flags vulnerabilities and sends digests at all
 * @param every how long after one sweep ends the next one starts
 * @param dueWithin a vulnerability is due soon once its due time is this close
 * @param routes the alert routes every notice goes to, unless its team has routes of its
 * own
 * @param teamRoutes per value of the resources' {@code team} tag (in any case), the
 * routes that team's notices go to instead
 * @param listed how many vulnerabilities one message lists (the others are counted)
 * @param firstRetry the wait after a message's first failed post; each further failure
 * doubles it, up to {@code maxRetry}
 * @param maxRetry the longest wait between two tries of a message
 * @param digest the weekly digest per team
 */
@ConfigurationProperties(NotificationSettings.PREFIX)
record NotificationSettings(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration every,
		@DefaultValue("24h") Duration dueWithin, @DefaultValue List<String> routes,
		@DefaultValue Map<String, List<String>> teamRoutes, @DefaultValue("10") int listed,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry, @DefaultValue Digest digest) {

	static final String PREFIX = "soc2ops.vulnerabilities.notify";

	/**
	 * The most vulnerabilities one message lists, so it stays within Slack's 50 blocks.
	 */
	static final int MOST_LISTED = 20;

	NotificationSettings {
		positive("every", every);
		positive("due-within", dueWithin);
		if (dueWithin.compareTo(Duration.ofDays(365)) > 0) {
			throw new IllegalArgumentException(PREFIX + ".due-within: must be at most 365d but was " + dueWithin);
		}
		if (listed < 1 || listed > MOST_LISTED) {
			throw new IllegalArgumentException(PREFIX + ".listed: must be 1-" + MOST_LISTED + " but was " + listed);
		}
		positive("first-retry", firstRetry);
		if (maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException(
					PREFIX + ".max-retry: must be at least first-retry (" + firstRetry + ") but was " + maxRetry);
		}
		routes = names("routes", routes);
		var byTeam = new LinkedHashMap<String, List<String>>();
		teamRoutes.forEach((team, names) -> {
			if (team.isBlank()) {
				throw new IllegalArgumentException(PREFIX + ".team-routes: a team name is blank");
			}
			String key = team.strip().toLowerCase(Locale.ROOT);
			if (byTeam.put(key, names("team-routes." + team, names)) != null) {
				throw new IllegalArgumentException(PREFIX + ".team-routes." + team + ": the team is named twice");
			}
		});
		teamRoutes = Map.copyOf(byTeam);
	}

	/** The routes of a team's notices: its own, else the default ones. */
	List<String> routesOf(String team) {
		return teamRoutes.getOrDefault(team.strip().toLowerCase(Locale.ROOT), routes);
	}

	/** Every route named, with the setting that names it. */
	Map<String, String> namedRoutes() {
		var named = new LinkedHashMap<String, String>();
		routes.forEach(route -> named.putIfAbsent(route, PREFIX + ".routes"));
		teamRoutes.forEach(
				(team, names) -> names.forEach(route -> named.putIfAbsent(route, PREFIX + ".team-routes." + team)));
		return named;
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(PREFIX + "." + name + ": must be positive but was " + value);
		}
	}

	private static List<String> names(String setting, List<String> names) {
		var cleaned = names.stream().map(String::strip).distinct().toList();
		if (cleaned.stream().anyMatch(String::isEmpty)) {
			throw new IllegalArgumentException(PREFIX + "." + setting + ": a route name is blank");
		}
		return cleaned;
	}

	/**
	 * The weekly digest per team: once a week, at {@code day} {@code time} in
	 * {@code zone}; one missed (no instance ran then) goes out at the next sweep.
	 */
	record Digest(@DefaultValue("true") boolean enabled, @DefaultValue("MONDAY") DayOfWeek day,
			@DefaultValue("09:00") LocalTime time, @DefaultValue("Asia/Tokyo") ZoneId zone) {
	}

}
