package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.soc2ops.alerting.CaseReminder.Step;
import io.soc2ops.alerting.Deadline.Status;

/**
 * The targets of a case: due times counted from the alert, met at the due time exactly
 * and breached from the moment after, approaching from 75% of the time, and the reminders
 * that follow from them.
 */
class CaseDeadlinesTests {

	static final Instant RAISED = Instant.parse("2026-11-20T03:00:00Z");

	/** A HIGH alert's default targets: 1h to acknowledge, 24h to resolve. */
	static final ResponseTargets.Target HIGH = new ResponseTargets.Target(Duration.ofHours(1), Duration.ofHours(24));

	@Test
	void aNewCaseIsOnTrackUntilThreeQuartersOfItsTime() {
		var deadlines = CaseDeadlines.of(opened(HIGH), RAISED.plus(Duration.ofMinutes(44)));

		assertThat(deadlines.acknowledge().status()).isEqualTo(Status.ON_TRACK);
		assertThat(deadlines.acknowledge().dueAt()).isEqualTo(RAISED.plus(Duration.ofHours(1)));
		assertThat(deadlines.acknowledge().left()).isEqualTo(Duration.ofMinutes(16));
		assertThat(deadlines.acknowledge().leftText()).isEqualTo("16m");
		assertThat(deadlines.resolve().dueAt()).isEqualTo(RAISED.plus(Duration.ofHours(24)));
		assertThat(deadlines.reminders()).isEmpty();
	}

	@Test
	void atThreeQuartersOfItsTimeATargetApproachesAndCallsForAReminder() {
		var deadlines = CaseDeadlines.of(opened(HIGH), RAISED.plus(Duration.ofMinutes(45)));

		assertThat(deadlines.acknowledge().status()).isEqualTo(Status.APPROACHING);
		assertThat(deadlines.breached()).isFalse();
		assertThat(deadlines.reminders())
			.containsExactly(new CaseReminder(Step.BEFORE_ACK_BREACH, RAISED.plus(Duration.ofHours(1))));
	}

	@Test
	void exactlyAtItsDueTimeATargetIsNotYetBreached() {
		var due = RAISED.plus(Duration.ofHours(1));

		var deadlines = CaseDeadlines.of(opened(HIGH), due);

		assertThat(deadlines.acknowledge().status()).isEqualTo(Status.APPROACHING);
		assertThat(deadlines.acknowledge().left()).isZero();
		assertThat(deadlines.breached()).isFalse();
	}

	@Test
	void aMomentAfterItsDueTimeATargetIsBreachedAndTheBreachReplacesTheWarning() {
		var due = RAISED.plus(Duration.ofHours(1));

		var deadlines = CaseDeadlines.of(opened(HIGH), due.plusMillis(1));

		assertThat(deadlines.acknowledge().status()).isEqualTo(Status.BREACHED);
		assertThat(deadlines.breached()).isTrue();
		assertThat(deadlines.reminders()).containsExactly(new CaseReminder(Step.ACK_BREACHED, due));
	}

	@Test
	void acknowledgedExactlyAtTheDueTimeMeetsTheTarget() {
		var due = RAISED.plus(Duration.ofHours(1));
		var acknowledged = opened(HIGH).after(CaseAction.ACKNOWLEDGE, null, due);

		var deadlines = CaseDeadlines.of(acknowledged, due.plus(Duration.ofHours(2)));

		assertThat(deadlines.acknowledge().status()).isEqualTo(Status.MET);
		assertThat(deadlines.acknowledge().taken()).isEqualTo(Duration.ofHours(1));
		assertThat(deadlines.acknowledge().left()).isNull();
		assertThat(deadlines.breached()).isFalse();
	}

	@Test
	void acknowledgedAfterTheBreachStaysMissedButCallsForNoMoreAcknowledgeReminders() {
		var acknowledged = opened(HIGH).after(CaseAction.ACKNOWLEDGE, null, RAISED.plus(Duration.ofMinutes(90)));

		var deadlines = CaseDeadlines.of(acknowledged, RAISED.plus(Duration.ofHours(2)));

		assertThat(deadlines.acknowledge().status()).isEqualTo(Status.MISSED);
		assertThat(deadlines.acknowledge().takenText()).isEqualTo("1h 30m");
		assertThat(deadlines.breached()).isTrue();
		assertThat(deadlines.resolve().status()).isEqualTo(Status.ON_TRACK);
		assertThat(deadlines.reminders()).isEmpty();
	}

	@Test
	void anOpenCaseIsRemindedOfItsResolveTargetWhateverItsAcknowledgement() {
		var investigating = opened(HIGH).after(CaseAction.ACKNOWLEDGE, null, RAISED.plus(Duration.ofMinutes(5)))
			.after(CaseAction.INVESTIGATE, null, RAISED.plus(Duration.ofMinutes(6)));

		assertThat(CaseDeadlines.of(investigating, RAISED.plus(Duration.ofHours(18))).reminders())
			.containsExactly(new CaseReminder(Step.BEFORE_RESOLVE_BREACH, RAISED.plus(Duration.ofHours(24))));
		assertThat(CaseDeadlines.of(investigating, RAISED.plus(Duration.ofHours(25))).reminders())
			.containsExactly(new CaseReminder(Step.RESOLVE_BREACHED, RAISED.plus(Duration.ofHours(24))));
	}

	@Test
	void aCaseFirstSeenLongAfterBothBreachesCallsForBothBreachReminders() {
		var deadlines = CaseDeadlines.of(opened(HIGH), RAISED.plus(Duration.ofDays(2)));

		assertThat(deadlines.reminders()).extracting(CaseReminder::step)
			.containsExactly(Step.ACK_BREACHED, Step.RESOLVE_BREACHED);
	}

	@Test
	void aClosedCaseIsMeasuredAndCallsForNothing() {
		var closed = opened(HIGH).after(CaseAction.ACKNOWLEDGE, null, RAISED.plus(Duration.ofMinutes(10)))
			.after(CaseAction.RESOLVE, null, RAISED.plus(Duration.ofHours(30)));

		var deadlines = CaseDeadlines.of(closed, RAISED.plus(Duration.ofDays(30)));

		assertThat(deadlines.acknowledge().status()).isEqualTo(Status.MET);
		assertThat(deadlines.resolve().status()).isEqualTo(Status.MISSED);
		assertThat(deadlines.resolve().takenText()).isEqualTo("1d 6h");
		assertThat(deadlines.reminders()).isEmpty();
	}

	@Test
	void informationalAlertsHaveNoTargetsAndAreNeverBreached() {
		var none = new ResponseTargets.Target(null, null);

		var open = CaseDeadlines.of(opened(none), RAISED.plus(Duration.ofDays(365)));
		var closed = CaseDeadlines.of(opened(none).after(CaseAction.ACKNOWLEDGE, null, RAISED.plus(Duration.ofDays(3))),
				RAISED.plus(Duration.ofDays(365)));

		assertThat(open.acknowledge().status()).isEqualTo(Status.NONE);
		assertThat(open.acknowledge().dueAt()).isNull();
		assertThat(open.resolve().status()).isEqualTo(Status.NONE);
		assertThat(open.breached()).isFalse();
		assertThat(open.reminders()).isEmpty();
		assertThat(closed.acknowledge().status()).isEqualTo(Status.DONE);
		assertThat(closed.acknowledge().takenText()).isEqualTo("3d");
	}

	@Test
	void timeIsToldInAtMostTwoUnits() {
		assertThat(Deadline.text(Duration.ofSeconds(59))).isEqualTo("<1m");
		assertThat(Deadline.text(Duration.ofMinutes(45))).isEqualTo("45m");
		assertThat(Deadline.text(Duration.ofMinutes(65))).isEqualTo("1h 5m");
		assertThat(Deadline.text(Duration.ofHours(3))).isEqualTo("3h");
		assertThat(Deadline.text(Duration.ofDays(2).plusMinutes(7))).isEqualTo("2d");
		assertThat(Deadline.text(Duration.ofDays(14).plusHours(2))).isEqualTo("14d 2h");
	}

	private static AlertCase opened(ResponseTargets.Target target) {
		return new AlertCase("a-1", CaseState.NEW, null, RAISED, due(target.acknowledge()), due(target.resolve()), null,
				null, 1);
	}

	private static @Nullable Instant due(@Nullable Duration target) {
		return target == null ? null : RAISED.plus(target);
	}

}
