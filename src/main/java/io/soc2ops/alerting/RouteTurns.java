package io.soc2ops.alerting;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Whose turn it is to post to a route, shared by every instance in
 * {@code alert_route_turn}: taking a turn moves the route's next turn one interval ahead
 * with a conditional UPDATE, so across the cluster a route gets at most one message per
 * interval, and a {@code Retry-After} holds the route until then.
 */
@Repository
class RouteTurns {

	private final JdbcClient jdbc;

	private final String open;

	RouteTurns(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.open = InsertUnlessStored.sql(dataSource, "alert_route_turn", "route_name, next_turn_at", ":route, :now",
				new InsertUnlessStored.Key("route_name", "route", "VARCHAR(64)"));
	}

	/** Makes sure the route has a turn to take. */
	void open(String route, Instant now) {
		try {
			jdbc.sql(open).param("route", route).param("now", RuleStore.at(now)).update();
		}
		catch (DuplicateKeyException ex) {
			// another instance opened it at the same moment
		}
	}

	Instant next(String route, Instant now) {
		return jdbc.sql("SELECT next_turn_at FROM alert_route_turn WHERE route_name = :route")
			.param("route", route)
			.query((rs, row) -> RuleStore.instant(rs, "next_turn_at"))
			.optional()
			.orElse(now);
	}

	/**
	 * @return whether this caller has the turn (nobody else took it since it came)
	 */
	boolean take(String route, Instant now, Duration interval) {
		return jdbc
			.sql("UPDATE alert_route_turn SET next_turn_at = :next WHERE route_name = :route AND next_turn_at <= :now")
			.param("next", RuleStore.at(now.plus(interval)))
			.param("route", route)
			.param("now", RuleStore.at(now))
			.update() == 1;
	}

	/** No turn for the route before {@code until} (what Slack's Retry-After asked). */
	void holdUntil(String route, Instant until) {
		jdbc.sql(
				"UPDATE alert_route_turn SET next_turn_at = :until WHERE route_name = :route AND next_turn_at < :until")
			.param("until", RuleStore.at(until))
			.param("route", route)
			.update();
	}

}
