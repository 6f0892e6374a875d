package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.SlackReceiver;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;

/**
 * soc2ops instances of the test's own making on one database: two sweeping at the same
 * moment and one started later flag each breach once between them, and Slack gets one
 * message; without a route the breach is in the ledger alone; and settings that do not
 * hold stop start-up with a message naming the setting.
 */
class NotificationInstancesTests {

	static final String ROUTE = "vulnerabilities";

	static final String[] NOTIFYING = { "--soc2ops.vulnerabilities.notify.routes=" + ROUTE,
			"--soc2ops.vulnerabilities.notify.digest.enabled=false", "--soc2ops.alerting.delivery.enabled=true",
			"--soc2ops.alerting.delivery.per-route-interval=0s" };

	private final String database = "notify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	@Test
	void twoInstancesAtOnceAndOneStartedLaterNotifyEachBreachOnce() throws Exception {
		try (var slack = SlackReceiver.start()) {
			var first = start();
			first.getBean(AlertRoutes.class).create(ROUTE, slack.webhookUrl(), true, Actor.system("test"));
			var ids = threeBreaches(first);
			var a = start(NOTIFYING);
			var b = start(NOTIFYING);

			var runs = atOnce(a.getBean(VulnerabilityNotifications.class), b.getBean(VulnerabilityNotifications.class));

			assertThat(runs).extracting(NotificationRun::breached).containsExactlyInAnyOrder(3, 0);
			var breaches = Notified.of(Notified.taken(slack, 0), NoticeKind.BREACHED);
			assertThat(breaches).singleElement().satisfies(breach -> {
				assertThat(breach.count()).isEqualTo(3);
				assertThat(breach.listed()).containsExactlyInAnyOrderElementsOf(ids);
			});

			b.close();
			var later = start(NOTIFYING).getBean(VulnerabilityNotifications.class).sweep();

			assertThat(later.breached() + later.dueSoon() + later.delivered()).isZero();
			assertThat(Notified.taken(slack, 0)).hasSize(1);
			assertThat(first.getBean(JdbcClient.class)
				.sql("SELECT COUNT(*) FROM vulnerability_notice WHERE kind = 'BREACHED'")
				.query(Long.class)
				.single()).isEqualTo(3);
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
		}
	}

	@Test
	void withoutARouteABreachIsInTheLedgerAloneAndOnce() {
		try {
			var instance = start();
			var ids = threeBreaches(instance);
			var notifications = instance.getBean(VulnerabilityNotifications.class);

			assertThat(notifications.sweep().breached()).isEqualTo(3);
			assertThat(notifications.sweep().breached()).isZero();

			var entries = instance.getBean(EvidenceLedger.class)
				.withAction("vulnerability-notification:", "vulnerability-notification.breach-flagged",
						LocalDate.of(2100, 1, 1));
			assertThat(entries).singleElement()
				.satisfies(entry -> assertThat(entry.payload()).contains("\"delivery\":\"none: no route")
					.contains("\"count\":3")
					.contains("\"vulnerabilities\":[" + ids.get(0) + "," + ids.get(1) + "," + ids.get(2) + "]"));
			assertThat(instance.getBean(JdbcClient.class)
				.sql("SELECT COUNT(*) FROM vulnerability_message")
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					routes=nowhere                   | soc2ops.vulnerabilities.notify.routes: there is no alert route named 'nowhere'
					team-routes.payments=nowhere     | soc2ops.vulnerabilities.notify.team-routes.payments: there is no alert route named 'nowhere'
					due-within=soon                  | soc2ops.vulnerabilities.notify.due-within
					due-within=-1h                   | soc2ops.vulnerabilities.notify.due-within: must be positive but was PT-1H
					every=0s                         | soc2ops.vulnerabilities.notify.every: must be positive
					listed=21                        | soc2ops.vulnerabilities.notify.listed: must be 1-20 but was 21
					digest.zone=Mars/Olympus_Mons    | soc2ops.vulnerabilities.notify.digest.zone
					""")
	void aSettingThatDoesNotHoldStopsStartUpNamingIt(String setting, String message) {
		var failure = catchThrowable(() -> start("--soc2ops.vulnerabilities.notify." + setting));
		started.forEach(ConfigurableApplicationContext::close);

		assertThat(failure).isNotNull();
		var messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		assertThat(messages.toString()).contains(message);
	}

	/** Three vulnerabilities past due under the reference policy. */
	private List<Long> threeBreaches(ConfigurableApplicationContext instance) {
		var jdbc = instance.getBean(JdbcClient.class);
		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2026, 1, 1)), instance,
				instance.getBean(PlatformTransactionManager.class), jdbc);
		String account = Fixtures.account();
		var now = Instant.now();
		var observed = new ArrayList<ObservedVulnerability>();
		for (int i = 1; i <= 3; i++) {
			observed.add(Fixtures.observed(Fixtures.findingArn(account), account, "i-0000000000000000" + i,
					VulnerabilitySeverity.HIGH, InspectorState.ACTIVE, now.minus(Duration.ofDays(8 + i)), now));
		}
		instance.getBean(VulnerabilityIntake.class).observed(observed);
		return instance.getBean(Vulnerabilities.class)
			.list(new VulnerabilityFilter(VulnerabilityStatus.OVERDUE, null, account, null), 1, 10)
			.items()
			.stream()
			.map(Vulnerability::id)
			.sorted()
			.toList();
	}

	private static List<NotificationRun> atOnce(VulnerabilityNotifications... instances) throws Exception {
		var go = new CountDownLatch(1);
		try (var threads = Executors.newFixedThreadPool(instances.length)) {
			var runs = new ArrayList<CompletableFuture<NotificationRun>>();
			for (var instance : instances) {
				runs.add(CompletableFuture.supplyAsync(() -> {
					try {
						go.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return instance.sweep();
				}, threads));
			}
			go.countDown();
			var done = new ArrayList<NotificationRun>();
			for (var run : runs) {
				done.add(run.get());
			}
			return done;
		}
	}

	private ConfigurableApplicationContext start(String... settings) {
		var arguments = new ArrayList<>(TestDatabases.sharedDatabase(database));
		arguments.add("--logging.level.root=WARN");
		arguments.addAll(List.of(settings));
		var context = new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
		started.add(context);
		return context;
	}

}
