package io.soc2ops.alerting;

import static io.soc2ops.alerting.CaseState.ACCEPTED_RISK;
import static io.soc2ops.alerting.CaseState.ACKNOWLEDGED;
import static io.soc2ops.alerting.CaseState.FALSE_POSITIVE;
import static io.soc2ops.alerting.CaseState.INVESTIGATING;
import static io.soc2ops.alerting.CaseState.NEW;
import static io.soc2ops.alerting.CaseState.RESOLVED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a responder does to a case, and the transition table: the states each action may
 * be taken from and the state it leads to. Assigning and noting leave the state as it is.
 * Closing and reopening need a note; accepting a risk is a risk decision, which only an
 * admin other than the case's assignee may take.
 */
public enum CaseAction {

	ACKNOWLEDGE(ACKNOWLEDGED, false, "acknowledged", NEW),
	INVESTIGATE(INVESTIGATING, false, "investigation-started", ACKNOWLEDGED),
	RESOLVE(RESOLVED, true, "resolved", ACKNOWLEDGED, INVESTIGATING),
	MARK_FALSE_POSITIVE(FALSE_POSITIVE, true, "marked-false-positive", ACKNOWLEDGED, INVESTIGATING),
	ACCEPT_RISK(ACCEPTED_RISK, true, "risk-accepted", ACKNOWLEDGED, INVESTIGATING),
	REOPEN(INVESTIGATING, true, "reopened", RESOLVED, FALSE_POSITIVE, ACCEPTED_RISK),
	ASSIGN(null, false, "assigned", NEW, ACKNOWLEDGED, INVESTIGATING), NOTE(null, true, "noted", CaseState.values());

	/** The actions that move a case, in the order a responder meets them. */
	public static final List<CaseAction> TRANSITIONS = List.of(ACKNOWLEDGE, INVESTIGATE, RESOLVE, MARK_FALSE_POSITIVE,
			ACCEPT_RISK, REOPEN);

	private final @Nullable CaseState to;

	private final boolean needsNote;

	private final String ledgerAction;

	private final Set<CaseState> from;

	CaseAction(@Nullable CaseState to, boolean needsNote, String done, CaseState... from) {
		this.to = to;
		this.needsNote = needsNote;
		this.ledgerAction = "alert-case." + done;
		this.from = EnumSet.copyOf(List.of(from));
	}

	public boolean allowedFrom(CaseState state) {
		return from.contains(state);
	}

	/** The state a case in {@code state} is in after this action. */
	public CaseState leadsFrom(CaseState state) {
		return to == null ? state : to;
	}

	public boolean needsNote() {
		return needsNote;
	}

	public boolean closes() {
		return to != null && to.isClosed();
	}

	/** What the evidence ledger calls it: {@code alert-case.acknowledged}. */
	String ledgerAction() {
		return ledgerAction;
	}

	/** The states it may be taken from, in order. */
	public Set<CaseState> from() {
		return EnumSet.copyOf(from);
	}

}
