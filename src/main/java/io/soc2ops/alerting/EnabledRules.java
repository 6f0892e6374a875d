package io.soc2ops.alerting;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.soc2ops.findings.Severity;
import software.amazon.event.ruler.Machine;
import tools.jackson.databind.JsonNode;

/**
 * The enabled rules compiled into one event-ruler machine, whose matching time does not
 * depend on the number of rules. Compiled again when the rules' revision in the database
 * moved, so a change made on any instance applies to the next event everywhere.
 */
@Component
class EnabledRules {

	private static final Logger log = LoggerFactory.getLogger(EnabledRules.class);

	private final RuleStore store;

	private volatile Compiled compiled = new Compiled(-1, new Machine(), Map.of());

	EnabledRules(RuleStore store) {
		this.store = store;
	}

	/** The rules as they are now (read in the caller's transaction). */
	Compiled current() {
		long revision = store.revision();
		var known = compiled;
		if (known.revision() == revision) {
			return known;
		}
		// the revision is read first: rules changed after it only make the next call
		// compile again
		var rules = store.all().stream().filter(AlertRule::enabled).filter(EnabledRules::parses).toList();
		var fresh = new Compiled(revision,
				EventPattern.machine(rules.stream().map(rule -> Map.entry(rule.name(), rule.pattern())).toList()),
				rules.stream().collect(Collectors.toMap(AlertRule::name, Function.identity())));
		compiled = fresh;
		return fresh;
	}

	private static boolean parses(AlertRule rule) {
		try {
			EventPattern.parse(rule.pattern());
			return true;
		}
		catch (AlertingException ex) {
			log.warn("Alert rule {} is skipped: its stored {}", rule.name(), ex.getMessage());
			return false;
		}
	}

	/** Enabled rules at one revision. */
	record Compiled(long revision, Machine machine, Map<String, AlertRule> rules) {

		boolean isEmpty() {
			return rules.isEmpty();
		}

		/** The enabled rules whose pattern matches the event. */
		List<AlertRule> matching(JsonNode event) {
			return EventPattern.matches(machine, Envelopes.JSON.writeValueAsString(event))
				.stream()
				.map(rules::get)
				.toList();
		}

	}

}
