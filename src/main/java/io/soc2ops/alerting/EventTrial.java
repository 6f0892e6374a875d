package io.soc2ops.alerting;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.soc2ops.findings.Severity;

/**
 * What the rules make of one event: for each of its findings (matched one at a time, as
 * the intake does) and each rule, whether an alert is raised and, if not, why.
 */
public record EventTrial(List<FindingTrial> findings) {

	public EventTrial {
		findings = List.copyOf(findings);
	}

	/** Whether any enabled rule raises an alert for any finding of the event. */
	public boolean raisesAny() {
		return findings.stream()
			.flatMap(finding -> finding.rules().stream())
			.anyMatch(rule -> rule.outcome() == Outcome.RAISES);
	}

	/**
	 * One finding of the event.
	 *
	 * @param number its place in {@code detail.findings}, from 1; 0 for an event without
	 * findings, matched whole
	 * @param finding its {@code Id}
	 * @param severity its severity, when it has one
	 */
	public record FindingTrial(int number, String finding, @Nullable Severity severity, List<RuleVerdict> rules) {

		public FindingTrial {
			rules = List.copyOf(rules);
		}

	}

	/** One rule's verdict on one finding; misses say why it does not match. */
	public record RuleVerdict(String rule, Outcome outcome, List<Miss> misses) {

		public RuleVerdict {
			misses = List.copyOf(misses);
		}

	}

	public enum Outcome {

		/**
		 * The pattern matches, the rule is on and the finding is at or above its floor.
		 */
		RAISES,
		/** The pattern matches but the finding is below the rule's severity floor. */
		BELOW_FLOOR,
		/** The pattern matches but the rule is off. */
		DISABLED,
		/** The pattern matches an event that carries no findings: nothing to alert on. */
		MATCHES_WITHOUT_FINDING,
		/** The pattern does not match. */
		NO_MATCH

	}

	/**
	 * A part of the pattern the event does not satisfy.
	 *
	 * @param branch which alternative of an {@code $or} (from 1); 0 when the pattern has
	 * none
	 * @param field the field's path in the event, dotted
	 * @param wanted what the pattern asks of it (JSON)
	 * @param found the values the event has there (JSON), at most a few
	 */
	public record Miss(Kind kind, int branch, String field, String wanted, List<String> found) {

		public Miss {
			found = List.copyOf(found);
		}

		public String describe() {
			String where = branch == 0 ? "" : "alternative " + branch + " of $or: ";
			return where + switch (kind) {
				case ABSENT -> field + ": the event has no value here; the pattern wants " + wanted;
				case DIFFERENT ->
					field + ": the event has " + String.join(", ", found) + "; the pattern wants " + wanted;
				case NOT_IN_ONE_ELEMENT -> "each field matches on its own, but not all within the same element"
						+ " of an array (EventBridge matches the fields under an array element by element)";
			};
		}

	}

	public enum Kind {

		/** The event has no value at the field. */
		ABSENT,
		/** The event's values at the field do not match. */
		DIFFERENT,
		/** Every field matches, but in different elements of one array. */
		NOT_IN_ONE_ELEMENT

	}

}
