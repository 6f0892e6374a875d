package io.soc2ops.demo;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The messages the demo's local Slack receiver took, newest first: what a Slack channel
 * would have shown.
 */
@Service
public class SlackInbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	SlackInbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void received(String payload) {
		jdbc.sql("INSERT INTO demo_slack_message (received_at, payload) VALUES (:at, :payload)")
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("payload", payload)
			.update();
	}

	public List<SlackMessage> newest(int limit) {
		return jdbc
			.sql("SELECT id, received_at, payload FROM demo_slack_message ORDER BY received_at DESC, id DESC"
					+ " LIMIT :limit")
			.param("limit", Math.clamp(limit, 1, 500))
			.query((rs, row) -> SlackMessage.of(rs.getLong("id"),
					rs.getObject("received_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("payload")))
			.list();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM demo_slack_message").query(Long.class).single();
	}

}
