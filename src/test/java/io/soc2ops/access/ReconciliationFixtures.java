package io.soc2ops.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.SlackReceiver;
import io.soc2ops.evidence.Actor;

/**
 * Holdings and cover written with SQL as the inventory and the requests write them, for
 * the tests of the {@code access-reconcile} context (reconciliation and its views share
 * it: each test works on accounts of its own), and the Slack route announcements go to.
 */
public final class ReconciliationFixtures {

	/** The context's properties: one context for reconciliation, its pages and API. */
	public static final String CONTEXT = "soc2ops.test.context=access-reconcile";

	public static final String ROUTE = "access-unapproved";

	public static final String ROUTE_PROPERTY = "soc2ops.access.unapproved.route=" + ROUTE;

	public static final String ON_CHANGE = "soc2ops.access.unapproved.on-change=true";

	public static final String DELIVERY = "soc2ops.alerting.delivery.enabled=true";

	public static final String INTERVAL = "soc2ops.alerting.delivery.per-route-interval=0s";

	public static final String SITE = "soc2ops.public-url=https://soc2ops.example.com";

	public static final SlackReceiver SLACK = SlackReceiver.start();

	private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private static final AtomicLong REQUESTS = new AtomicLong(1000);

	private static final AtomicLong MOMENTS = new AtomicLong();

	private static final Instant BASE = Instant.parse("2026-10-05T01:00:00Z");

	private final JdbcClient jdbc;

	public ReconciliationFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account ID no other test uses. */
	public static String account() {
		return String.format("%012d", 100_000_000_000L + ACCOUNTS.incrementAndGet() % 800_000_000_000L);
	}

	/**
	 * A moment later than any other test's: the context's clock only moves forward, so
	 * the alert route's turn, taken at one test's time, never holds up the next test.
	 */
	public static Instant nextNow() {
		return BASE.plus(java.time.Duration.ofDays(10 * MOMENTS.incrementAndGet()));
	}

	public static long requestId() {
		return REQUESTS.incrementAndGet();
	}

	/**
	 * A direct Identity Center assignment of a permission set, seen since {@code seen}.
	 */
	public long assignment(String account, String person, String permissionSet, Instant seen) {
		return holding(HoldingKind.ASSIGNMENT, account, person, permissionSet, "", seen);
	}

	public long holding(HoldingKind kind, String account, String person, String entitlement, String via, Instant seen) {
		String ref = kind == HoldingKind.IAM_USER ? "arn:aws:iam::" + account + ":user/" + person
				: "arn:aws:sso:::permissionSet/ssoins-1/ps-" + Math.abs(entitlement.hashCode());
		jdbc.sql("INSERT INTO access_holding (kind, account_id, person, principal, entitlement, entitlement_ref, via,"
				+ " first_seen) VALUES (:kind, :account, :person, :person, :entitlement, :ref, :via, :seen)")
			.param("kind", kind.name())
			.param("account", account)
			.param("person", person)
			.param("entitlement", entitlement)
			.param("ref", ref)
			.param("via", via)
			.param("seen", time(seen))
			.update();
		return jdbc.sql("SELECT MAX(id) FROM access_holding WHERE account_id = :account")
			.param("account", account)
			.query(Long.class)
			.single();
	}

	public void gone(long holding, Instant at) {
		jdbc.sql("UPDATE access_holding SET gone_at = :at WHERE id = :id")
			.param("at", time(at))
			.param("id", holding)
			.update();
	}

	/** Cover of an approved request, as the requests write it. */
	public long cover(String account, String person, HoldingKind kind, String entitlement, Instant from,
			@Nullable Instant until) {
		long request = requestId();
		jdbc.sql("INSERT INTO access_cover (request_id, person, account_id, kind, entitlement, valid_from,"
				+ " valid_until) VALUES (:request, :person, :account, :kind, :entitlement, :from, :until)")
			.param("request", request)
			.param("person", person)
			.param("account", account)
			.param("kind", kind.name())
			.param("entitlement", entitlement)
			.param("from", time(from))
			.param("until", until == null ? null : time(until))
			.update();
		return request;
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The route announcements go to, pointing at {@link #SLACK}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Routes {

		@Bean
		@Order(0)
		ApplicationRunner unapprovedAccessRoute(AlertRoutes routes) {
			return args -> routes.create(ROUTE, SLACK.webhookUrl(), true, Actor.system("test"));
		}

	}

}
