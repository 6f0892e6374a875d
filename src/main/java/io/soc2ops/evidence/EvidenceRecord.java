package io.soc2ops.evidence;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a module asks the ledger to record.
 *
 * @param action what happened, dotted and past tense ({@code control.tested},
 * {@code user.signed-in})
 * @param actor who or which part of the system did it
 * @param module the module recording it
 * @param subject what it is about ({@code control:ACC-01}, {@code user:alice})
 * @param evidenceFor the day this is evidence for; may be earlier than the day it is
 * recorded (a review signed late, a back-filled scan) so it lands in the right audit
 * period
 * @param payload details; any JSON-compatible values (maps, lists, strings, numbers,
 * booleans)
 */
public record EvidenceRecord(String action, Actor actor, String module, String subject, LocalDate evidenceFor,
		Map<String, ?> payload) {

	private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

	private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9-]{0,49}");

	public EvidenceRecord {
		if (!ACTION.matcher(action).matches() || action.length() > 100) {
			throw new IllegalArgumentException("evidence action must look like 'noun.verbed' but was '" + action + "'");
		}
		if (!MODULE.matcher(module).matches()) {
			throw new IllegalArgumentException("evidence module must be a module name but was '" + module + "'");
		}
		if (subject.isBlank() || subject.length() > 300) {
			throw new IllegalArgumentException("evidence subject must be 1-300 characters");
		}
		payload = Map.copyOf(payload);
	}

}
