package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.MovableClock;
import io.soc2ops.alerting.CaseReminder.Step;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Users;
import io.soc2ops.schedule.Schedule;
import io.soc2ops.schedule.ScheduleStatus;
import io.soc2ops.schedule.Schedules;

/**
 * The reminder sweep, run by hand with the clock set: each open case is reminded once as
 * each target approaches and once at its breach, every receiver is told, the ledger keeps
 * it, and a sweep run twice, or two at once, reminds nobody twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CaseTestConfiguration.class)
class CaseRemindersTests {

	static final Instant T0 = Instant.parse("2026-11-20T03:15:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	MovableClock clock;

	@Autowired
	CaseReminderSweep sweep;

	@Autowired
	CaseTestConfiguration.ToldReminders told;

	@Autowired
	AlertCases cases;

	@Autowired
	Schedules schedules;

	CaseFixtures fixtures;

	@BeforeEach
	void people() {
		clock.set(T0);
		fixtures = new CaseFixtures(mvc, jdbc, users, tokens);
	}

	@Test
	void eachTargetIsRemindedOnceAsItApproachesAndOnceAtItsBreach() throws Exception {
		String id = fixtures.raise();
		var acknowledgeDue = T0.plus(Duration.ofHours(1));
		var resolveDue = T0.plus(Duration.ofHours(24));

		sweepAt(T0.plus(Duration.ofMinutes(44)));
		assertThat(told.of(id)).isEmpty();
		sweepAt(T0.plus(Duration.ofMinutes(45)));
		sweepAt(T0.plus(Duration.ofMinutes(50)));
		sweepAt(T0.plus(Duration.ofMinutes(61)));
		sweepAt(T0.plus(Duration.ofMinutes(62)));
		cases.change(id, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("case-operator"));
		sweepAt(T0.plus(Duration.ofHours(17)));
		sweepAt(T0.plus(Duration.ofHours(18)));
		sweepAt(T0.plus(Duration.ofHours(19)));
		sweepAt(T0.plus(Duration.ofHours(24)).plusSeconds(60));
		sweepAt(T0.plus(Duration.ofHours(48)));

		assertThat(told.of(id)).containsExactly(new CaseReminder(Step.BEFORE_ACK_BREACH, acknowledgeDue),
				new CaseReminder(Step.ACK_BREACHED, acknowledgeDue),
				new CaseReminder(Step.BEFORE_RESOLVE_BREACH, resolveDue),
				new CaseReminder(Step.RESOLVE_BREACHED, resolveDue));
		var recorded = ledger.about("alert:" + id, 100)
			.stream()
			.filter(entry -> entry.action().equals("alert-case.reminder-due"))
			.toList();
		assertThat(recorded).hasSize(4).allSatisfy(entry -> {
			assertThat(entry.actor()).isEqualTo(Actor.system("alerting"));
			assertThat(entry.payload()).contains("\"severity\":\"HIGH\"");
		});
		assertThat(recorded).anySatisfy(entry -> assertThat(entry.payload()).contains("\"step\":\"ACK_BREACHED\"")
			.contains("2026-11-20T04:15:00Z"));
		fixtures.read("case-auditor", id)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeline[*].kind",
					Matchers.contains("OPENED", "REMINDER", "REMINDER", "ACKNOWLEDGE", "REMINDER", "REMINDER")))
			.andExpect(jsonPath("$.timeline[2].reminder.step").value("ACK_BREACHED"));
	}

	@Test
	void aCaseClosedInTimeIsRemindedOfNothingMore() throws Exception {
		String id = fixtures.raise();
		cases.change(id, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("case-engineer"));
		cases.change(id, CaseChange.of(CaseAction.RESOLVE, "blocked the domain at the resolver"),
				Actor.user("case-engineer"));

		sweepAt(T0.plus(Duration.ofDays(3)));

		assertThat(told.of(id)).isEmpty();
	}

	@Test
	void twoSweepsAtOnceTellEachReminderOnce() throws Exception {
		String id = fixtures.raise();
		clock.set(T0.plus(Duration.ofMinutes(46)));
		var start = new CountDownLatch(1);
		var threads = List.of(1, 2).stream().map(n -> Thread.ofPlatform().start(() -> {
			try {
				start.await();
				sweep.sweep();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		})).toList();

		start.countDown();
		for (var thread : threads) {
			thread.join();
		}

		assertThat(told.of(id)).extracting(CaseReminder::step).containsExactly(Step.BEFORE_ACK_BREACH);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_case_reminder WHERE alert_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSweepRunsEveryMinuteOnTheSchedule() {
		assertThat(schedules.status()).filteredOn(status -> status.task().equals("alerting.case-reminders"))
			.extracting(ScheduleStatus::schedule)
			.containsExactly(Schedule.every(Duration.ofMinutes(1)));
	}

	private void sweepAt(Instant at) {
		clock.set(at);
		sweep.sweep();
	}

}
