package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.soc2ops.MovableClock;
import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.SlackReceiver;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;

/**
 * The weekly digest: once per team and week from Monday 09:00 Asia/Tokyo, to the team's
 * route (or the default one), with the team's counts by status and severity, what became
 * overdue and what was fixed in the last seven days, and the longest overdue; each a
 * ledger entry.
 */
@SpringBootTest(properties = { "soc2ops.test.context=weekly-digests",
		"soc2ops.vulnerabilities.notify.routes=" + WeeklyDigestsTests.DEFAULT_ROUTE,
		"soc2ops.vulnerabilities.notify.team-routes.payments=" + WeeklyDigestsTests.PAYMENTS_ROUTE,
		"soc2ops.alerting.delivery.enabled=true", "soc2ops.alerting.delivery.per-route-interval=0s" })
@Import({ MovableClock.Configuration.class, WeeklyDigestsTests.Routes.class })
class WeeklyDigestsTests {

	/** Monday 09:05 in Tokyo. */
	static final Instant MONDAY = Instant.parse("2026-09-28T00:05:00Z");

	static final String DEFAULT_ROUTE = "digests";

	static final String PAYMENTS_ROUTE = "digests-payments";

	static final String PAYMENTS_PATH = "/services/T0LOCAL00/B0DIGEST0/0123456789abcdef01234567";

	static final SlackReceiver SLACK = SlackReceiver.start();

	@Autowired
	VulnerabilityNotifications notifications;

	@Autowired
	VulnerabilityIntake intake;

	@Autowired
	Vulnerabilities vulnerabilities;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterAll
	static void stopSlack() {
		SLACK.close();
	}

	@Test
	void eachTeamGetsItsWeekOnceAWeekOnItsRoute() {
		clock.set(MONDAY);
		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2026, 1, 1)), events, transactions, jdbc);
		String account = Fixtures.account();
		var platform = Map.of("team", "platform");
		long newlyOverdue = observe(account, "i-00000000000000001", VulnerabilitySeverity.HIGH, days(8), null,
				platform);
		long longOverdue = observe(account, "i-00000000000000002", VulnerabilitySeverity.MEDIUM, days(40), null,
				platform);
		observe(account, "i-00000000000000003", VulnerabilitySeverity.HIGH, days(5), days(2), platform);
		observe(account, "i-00000000000000004", VulnerabilitySeverity.HIGH, days(12), days(3), platform);
		observe(account, "i-00000000000000005", VulnerabilitySeverity.HIGH, days(1), null, platform);
		observe(account, "i-00000000000000006", VulnerabilitySeverity.HIGH, days(30), days(20), platform);
		observe(account, "i-00000000000000007", VulnerabilitySeverity.MEDIUM, days(10), null,
				Map.of("team", "payments"));
		int before = SLACK.requests().size();

		var first = notifications.sweep();
		var again = notifications.sweep();

		assertThat(first.digests()).isEqualTo(2);
		assertThat(again.digests()).isZero();
		var digests = Notified.of(Notified.taken(SLACK, before), NoticeKind.DIGEST);
		assertThat(digests).hasSize(2);
		assertThat(digests).filteredOn(d -> d.path().equals(PAYMENTS_PATH)).singleElement().satisfies(payments -> {
			assertThat(payments.text()).contains("Weekly vulnerabilities: team payments")
				.contains("*Overdue*\nnone")
				.contains("*Open*\nMEDIUM 1");
			assertThat(payments.listed()).isEmpty();
		});
		assertThat(digests).filteredOn(d -> d.path().equals(SLACK.webhookPath())).singleElement().satisfies(team -> {
			assertThat(team.text()).contains("Weekly vulnerabilities: team platform")
				.contains("Week of 2026-09-28 (Mon 09:00 Asia/Tokyo)")
				.contains("*Overdue*\nHIGH 1 · MEDIUM 1")
				.contains("*Open*\nHIGH 1")
				.contains("*Excepted*\nnone")
				.contains("*Newly overdue, last 7 days*\n1")
				.contains("*Fixed, last 7 days*\n2 (1 within SLA)")
				.contains("Longest overdue");
			assertThat(team.listed()).containsExactly(longOverdue, newlyOverdue);
			assertThat(team.message().toString()).contains("/vulnerabilities?status=overdue&team=platform");
		});
		assertThat(compiled()).hasSize(2)
			.allSatisfy(entry -> assertThat(entry.payload()).contains("\"weekOf\":\"2026-09-28\""))
			.anySatisfy(entry -> assertThat(entry.payload()).contains("\"team\":\"platform\"")
				.contains("\"route\":\"" + DEFAULT_ROUTE + "\"")
				.contains("\"overdue\":{\"HIGH\":1,\"MEDIUM\":1}")
				.contains("\"longestOverdue\":[" + longOverdue + "," + newlyOverdue + "]"))
			.anySatisfy(entry -> assertThat(entry.payload()).contains("\"route\":\"" + PAYMENTS_ROUTE + "\""));

		clock.set(Instant.parse("2026-09-29T00:05:00Z"));
		assertThat(notifications.sweep().digests()).as("Tuesday").isZero();
		clock.set(Instant.parse("2026-10-04T23:59:59Z"));
		assertThat(notifications.sweep().digests()).as("Monday 08:59:59 in Tokyo").isZero();
		clock.set(Instant.parse("2026-10-05T00:00:00Z"));
		assertThat(notifications.sweep().digests()).as("Monday 09:00 in Tokyo").isEqualTo(2);
		assertThat(notifications.sweep().digests()).isZero();
		assertThat(compiled()).hasSize(4)
			.filteredOn(entry -> entry.payload().contains("\"weekOf\":\"2026-10-05\""))
			.hasSize(2);
	}

	@Test
	void aWeekStartsAtTheLatestSlotInTheDigestsZone() {
		var tokyo = new NotificationSettings.Digest(true, DayOfWeek.MONDAY, LocalTime.of(9, 0),
				ZoneId.of("Asia/Tokyo"));
		var friday = new NotificationSettings.Digest(true, DayOfWeek.FRIDAY, LocalTime.of(17, 30), ZoneOffset.UTC);

		assertThat(WeeklyDigests.weekOf(Instant.parse("2026-09-28T00:00:00Z"), tokyo)).isEqualTo("2026-09-28");
		assertThat(WeeklyDigests.weekOf(Instant.parse("2026-09-27T23:59:59Z"), tokyo)).isEqualTo("2026-09-21");
		assertThat(WeeklyDigests.weekOf(Instant.parse("2026-10-04T14:59:59Z"), tokyo)).isEqualTo("2026-09-28");
		assertThat(WeeklyDigests.weekOf(Instant.parse("2026-10-02T17:30:00Z"), friday)).isEqualTo("2026-10-02");
		assertThat(WeeklyDigests.weekOf(Instant.parse("2026-10-02T17:29:59Z"), friday)).isEqualTo("2026-09-25");
	}

	private List<EvidenceEntry> compiled() {
		return ledger.withAction("vulnerability-notification:", "vulnerability-notification.digest-compiled",
				LocalDate.of(2100, 1, 1));
	}

	private Instant days(int ago) {
		return MONDAY.minus(Duration.ofDays(ago));
	}

	/**
	 * A vulnerability first observed at {@code first}, fixed at {@code fixed} if given.
	 */
	private long observe(String account, String instance, VulnerabilitySeverity severity, Instant first,
			@Nullable Instant fixed, Map<String, String> tags) {
		intake.observed(List.of(Fixtures.observed(Fixtures.findingArn(account), account, instance, severity,
				fixed == null ? InspectorState.ACTIVE : InspectorState.CLOSED, first, fixed == null ? MONDAY : fixed,
				tags)));
		return vulnerabilities.list(new VulnerabilityFilter(null, null, account, null), 1, 500)
			.items()
			.stream()
			.filter(item -> item.resourceId().equals(instance))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** The two routes, created before the notification settings are checked. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		@Order(0)
		ApplicationRunner digestRoutes(AlertRoutes routes) {
			return args -> {
				routes.create(DEFAULT_ROUTE, SLACK.webhookUrl(), true, Actor.system("test"));
				routes.create(PAYMENTS_ROUTE, SLACK.url(PAYMENTS_PATH), true, Actor.system("test"));
			};
		}

	}

}
