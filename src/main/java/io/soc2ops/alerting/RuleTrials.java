package io.soc2ops.alerting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.soc2ops.alerting.EventTrial.FindingTrial;
import io.soc2ops.alerting.EventTrial.Outcome;
import io.soc2ops.alerting.EventTrial.RuleVerdict;
import io.soc2ops.findings.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Runs an event past every rule and explains each verdict (see {@link EventTrial}). */
final class RuleTrials {

	/** The largest EventBridge event. */
	static final int MAX_EVENT_CHARACTERS = 256 * 1024;

	private RuleTrials() {
	}

	static EventTrial trial(List<AlertRule> rules, String text) {
		JsonNode event = parse(text);
		var machine = EventPattern.machine(rules.stream().map(rule -> Map.entry(rule.name(), rule.pattern())).toList());
		var findings = event.path("detail").path("findings");
		var trials = new ArrayList<FindingTrial>();
		if (findings.isArray() && !findings.isEmpty()) {
			for (int i = 0; i < findings.size(); i++) {
				var finding = findings.get(i);
				var single = Envelopes.withOneFinding(event, finding);
				var severity = Envelopes.severity(finding);
				trials.add(new FindingTrial(i + 1, finding.path("Id").asString(""), severity,
						verdicts(rules, machine, single, true, severity)));
			}
		}
		else {
			trials.add(new FindingTrial(0, "", null, verdicts(rules, machine, event, false, null)));
		}
		return new EventTrial(trials);
	}

	private static List<RuleVerdict> verdicts(List<AlertRule> rules, software.amazon.event.ruler.Machine machine,
			JsonNode event, boolean finding, @Nullable Severity severity) {
		var matched = new HashSet<>(EventPattern.matches(machine, Envelopes.JSON.writeValueAsString(event)));
		var verdicts = new ArrayList<RuleVerdict>();
		for (var rule : rules) {
			if (!matched.contains(rule.name())) {
				verdicts.add(new RuleVerdict(rule.name(), Outcome.NO_MATCH, WhyNot.misses(rule.pattern(), event)));
			}
			else {
				verdicts.add(new RuleVerdict(rule.name(), outcome(rule, finding, severity), List.of()));
			}
		}
		return verdicts;
	}

	/**
	 * A finding without a readable severity would be refused by the intake; here it
	 * counts as informational.
	 */
	private static Outcome outcome(AlertRule rule, boolean finding, @Nullable Severity severity) {
		if (!finding) {
			return Outcome.MATCHES_WITHOUT_FINDING;
		}
		if (!rule.enabled()) {
			return Outcome.DISABLED;
		}
		var level = severity == null ? Severity.INFORMATIONAL : severity;
		return level.compareTo(rule.severityFloor()) < 0 ? Outcome.BELOW_FLOOR : Outcome.RAISES;
	}

	private static JsonNode parse(String text) {
		if (text.length() > MAX_EVENT_CHARACTERS) {
			throw AlertingException.refused("event: is " + text.length() / 1024
					+ " KB; an EventBridge event is at most " + MAX_EVENT_CHARACTERS / 1024 + " KB");
		}
		JsonNode event;
		try {
			event = Envelopes.JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw AlertingException
				.refused("event: not valid JSON: " + ex.getOriginalMessage().lines().findFirst().orElse(""));
		}
		if (event == null || !event.isObject()) {
			throw AlertingException.refused("event: must be one EventBridge event, a JSON object");
		}
		return event;
	}

}
