package io.soc2ops.aws;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.soc2ops.evidence.Actor;
import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;

/**
 * With AWS enabled: the collection (Security Hub, and Amazon Inspector unless switched
 * off) every {@code soc2ops.aws.collect-every} and the connection check once a day. A run
 * that leaves any account-Region out counts as failed, naming them; the next run asks
 * those again from their last success.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("soc2ops.aws.enabled")
class AwsSchedule {

	static final String COLLECTION = "aws.securityhub-collection";

	static final String CHECK = "aws.connection-check";

	/** Who runs scheduled work, as the ledger names them. */
	static final Actor SCHEDULE = Actor.system("schedule");

	@Bean
	RecurringTask securityHubCollectionTask(SecurityHubCollector collector, AwsSettings settings) {
		return new RecurringTask(COLLECTION, Schedule.every(settings.collectEvery()), () -> {
			var summary = collector.collect(SCHEDULE);
			if (summary.scopeProblem() != null) {
				throw new Incomplete("no account in scope: " + summary.scopeProblem());
			}
			var problems = new ArrayList<String>();
			if (!summary.failures().isEmpty()) {
				problems.add(summary.failures().size() + " of " + summary.syncs().size()
						+ " account-Regions not collected: " + String.join("; ",
								summary.failures().stream().map(sync -> sync.target() + " " + sync.error()).toList()));
			}
			if (!summary.inspectorFailures().isEmpty()) {
				problems.add(summary.inspectorFailures().size() + " of " + summary.inspector().size()
						+ " account-Regions' Amazon Inspector findings not read: "
						+ String.join("; ",
								summary.inspectorFailures()
									.stream()
									.map(sync -> sync.target() + " " + sync.error())
									.toList()));
			}
			if (!summary.inventoryFailures().isEmpty()) {
				problems.add(summary.inventoryFailures().size() + " of " + summary.inventory().size()
						+ " IAM and Identity Center reads incomplete: "
						+ String.join("; ",
								summary.inventoryFailures()
									.stream()
									.map(sync -> sync.collector() + " " + sync.target() + " " + sync.error())
									.toList()));
			}
			if (!problems.isEmpty()) {
				throw new Incomplete(String.join(". ", problems));
			}
		});
	}

	@Bean
	RecurringTask connectionCheckTask(ConnectionCheck check, AwsSettings settings) {
		return new RecurringTask(CHECK, Schedule.dailyAt(settings.checkDailyAt(), ZoneOffset.UTC), () -> {
			var report = check.check(SCHEDULE);
			if (!report.allOk()) {
				throw new Incomplete(Stream
					.concat(Stream.ofNullable(report.scopeProblem()),
							report.results()
								.stream()
								.filter(result -> result.status() != ConnectionStatus.OK)
								.map(result -> result.target() + " " + result.status() + ": " + result.message()))
					.reduce((a, b) -> a + "; " + b)
					.orElse("not every account-Region works"));
			}
		});
	}

	/** A run that did not reach every account-Region in scope. */
	static class Incomplete extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Incomplete(String message) {
			super(message);
		}

	}

}
