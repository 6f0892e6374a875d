package io.soc2ops.alerting;

import static io.soc2ops.alerting.CaseState.ACCEPTED_RISK;
import static io.soc2ops.alerting.CaseState.ACKNOWLEDGED;
import static io.soc2ops.alerting.CaseState.FALSE_POSITIVE;
import static io.soc2ops.alerting.CaseState.INVESTIGATING;
import static io.soc2ops.alerting.CaseState.NEW;
import static io.soc2ops.alerting.CaseState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The transition table of a case, and the changes a responder may ask for: a note where
 * one is needed, bounded and free of control characters; an assignee with ASSIGN only.
 */
class CaseTransitionTests {

	static final Instant OPENED = Instant.parse("2026-11-20T03:00:00Z");

	static final Instant NOW = OPENED.plusSeconds(600);

	/** From each state, the actions the table allows. */
	static final Map<CaseState, Set<CaseAction>> ALLOWED = Map.of(NEW,
			EnumSet.of(CaseAction.ACKNOWLEDGE, CaseAction.ASSIGN, CaseAction.NOTE), ACKNOWLEDGED,
			EnumSet.of(CaseAction.INVESTIGATE, CaseAction.RESOLVE, CaseAction.MARK_FALSE_POSITIVE,
					CaseAction.ACCEPT_RISK, CaseAction.ASSIGN, CaseAction.NOTE),
			INVESTIGATING,
			EnumSet.of(CaseAction.RESOLVE, CaseAction.MARK_FALSE_POSITIVE, CaseAction.ACCEPT_RISK, CaseAction.ASSIGN,
					CaseAction.NOTE),
			RESOLVED, EnumSet.of(CaseAction.REOPEN, CaseAction.NOTE), FALSE_POSITIVE,
			EnumSet.of(CaseAction.REOPEN, CaseAction.NOTE), ACCEPTED_RISK,
			EnumSet.of(CaseAction.REOPEN, CaseAction.NOTE));

	@Test
	void everyStateAllowsExactlyTheActionsOfTheTable() {
		for (var state : CaseState.values()) {
			for (var action : CaseAction.values()) {
				assertThat(action.allowedFrom(state)).as(action + " from " + state)
					.isEqualTo(ALLOWED.get(state).contains(action));
			}
		}
	}

	@Test
	void anAllowedActionMovesTheCaseOneVersionOnAndStampsIt() {
		var acknowledged = inState(NEW).after(CaseAction.ACKNOWLEDGE, null, NOW);
		var closed = acknowledged.after(CaseAction.MARK_FALSE_POSITIVE, null, NOW.plusSeconds(60));
		var reopened = closed.after(CaseAction.REOPEN, null, NOW.plusSeconds(120));

		assertThat(acknowledged.state()).isEqualTo(ACKNOWLEDGED);
		assertThat(acknowledged.acknowledgedAt()).isEqualTo(NOW);
		assertThat(acknowledged.version()).isEqualTo(2);
		assertThat(closed.state()).isEqualTo(FALSE_POSITIVE);
		assertThat(closed.closedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(reopened.state()).isEqualTo(INVESTIGATING);
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.acknowledgedAt()).isEqualTo(NOW);
		assertThat(reopened.version()).isEqualTo(4);
	}

	@Test
	void assigningAndNotingLeaveTheStateAsItIs() {
		var assigned = inState(INVESTIGATING).after(CaseAction.ASSIGN, "alice", NOW);
		var noted = assigned.after(CaseAction.NOTE, null, NOW);

		assertThat(assigned.state()).isEqualTo(INVESTIGATING);
		assertThat(assigned.assignee()).isEqualTo("alice");
		assertThat(noted.assignee()).isEqualTo("alice");
		assertThat(noted.version()).isEqualTo(3);
	}

	@Test
	void anIllegalActionIsRefusedNamingTheStatesAndTheCaseIsUnchanged() {
		var resolved = inState(RESOLVED);

		assertThatExceptionOfType(CaseRefused.class).isThrownBy(() -> resolved.after(CaseAction.ACKNOWLEDGE, null, NOW))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(CaseRefused.Reason.CONFLICT);
				assertThat(ex.details()).containsEntry("from", "RESOLVED")
					.containsEntry("to", "ACKNOWLEDGED")
					.containsEntry("action", "ACKNOWLEDGE");
				assertThat(ex.getMessage()).contains("is RESOLVED").contains("only from [NEW]");
			});
		assertThat(resolved.version()).isEqualTo(1);
	}

	@Test
	void closingAndReopeningNeedANote() {
		for (var action : EnumSet.of(CaseAction.RESOLVE, CaseAction.MARK_FALSE_POSITIVE, CaseAction.ACCEPT_RISK,
				CaseAction.REOPEN, CaseAction.NOTE)) {
			assertThatExceptionOfType(CaseRefused.class).isThrownBy(() -> CaseChange.of(action, "  \n "))
				.satisfies(ex -> assertThat(ex.details()).containsEntry("field", "note"));
		}
		assertThat(CaseChange.of(CaseAction.ACKNOWLEDGE).note()).isEmpty();
	}

	@Test
	void aNoteIsBoundedAndKeepsLineBreaksButNoOtherControlCharacters() {
		assertThat(CaseChange.of(CaseAction.NOTE, " first line\r\nsecond\tline ").note())
			.isEqualTo("first line\nsecond\tline");
		assertThat(CaseChange.of(CaseAction.NOTE, "x".repeat(CaseChange.MAX_NOTE)).note()).hasSize(4000);
		assertThatExceptionOfType(CaseRefused.class)
			.isThrownBy(() -> CaseChange.of(CaseAction.NOTE, "x".repeat(CaseChange.MAX_NOTE + 1)))
			.withMessageStartingWith("note: at most 4000 characters");
		assertThatExceptionOfType(CaseRefused.class).isThrownBy(() -> CaseChange.of(CaseAction.NOTE, "nul\u0000byte"))
			.withMessageStartingWith("note: control characters");
	}

	@Test
	void anAssigneeGoesWithAssignOnlyAndMustBeAUsername() {
		assertThat(CaseChange.assign(" alice ").assignee()).isEqualTo("alice");
		assertThat(CaseChange.assign("").assignee()).isEmpty();
		assertThatExceptionOfType(CaseRefused.class).isThrownBy(() -> CaseChange.assign("<b>Alice</b>"))
			.satisfies(ex -> assertThat(ex.details()).containsEntry("field", "assignee"));
		assertThatExceptionOfType(CaseRefused.class)
			.isThrownBy(() -> new CaseChange(CaseAction.ACKNOWLEDGE, "", "alice", null))
			.withMessage("assignee: goes with action ASSIGN only, not ACKNOWLEDGE");
		assertThatExceptionOfType(CaseRefused.class).isThrownBy(() -> new CaseChange(CaseAction.ASSIGN, "", null, null))
			.satisfies(ex -> assertThat(ex.details()).containsEntry("field", "assignee"));
	}

	@Test
	void theStepIndicatorPutsEveryClosingStateLast() {
		assertThat(EnumSet.allOf(CaseState.class)).extracting(CaseState::step).containsExactly(0, 1, 2, 3, 3, 3);
	}

	private static AlertCase inState(CaseState state) {
		return new AlertCase("a-1", state, null, OPENED, null, null, state == NEW ? null : OPENED,
				state.isClosed() ? OPENED : null, 1);
	}

}
