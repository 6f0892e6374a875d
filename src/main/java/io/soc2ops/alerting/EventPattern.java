package io.soc2ops.alerting;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.RuleCompiler;

/**
 * EventBridge event patterns as aws/event-ruler reads and matches them. A pattern is
 * valid when the {@link Machine} would take it: event-ruler's current syntax
 * ({@link JsonRuleCompiler}, with {@code $or}) or, as the machine falls back to it, the
 * older one ({@link RuleCompiler}). Events are matched with
 * {@link Machine#rulesForJSONEvent(String)}, which is array-consistent as EventBridge is:
 * fields matched inside an array must be in the same element of it.
 */
final class EventPattern {

	/** The largest event pattern EventBridge takes (2,048 by default, 4,096 by quota). */
	static final int MAX_LENGTH = 4096;

	private EventPattern() {
	}

	/**
	 * @throws AlertingException with the parser's message, naming the field of the
	 * pattern and its line and column
	 */
	static void parse(String pattern) {
		if (pattern.isBlank()) {
			throw AlertingException.refused("pattern: is required (an EventBridge event pattern, a JSON object)");
		}
		if (pattern.length() > MAX_LENGTH) {
			throw AlertingException.refused("pattern: is " + pattern.length()
					+ " characters; EventBridge takes patterns of at most " + MAX_LENGTH);
		}
		try {
			JsonRuleCompiler.compile(pattern);
		}
		catch (Exception current) {
			try {
				RuleCompiler.compile(pattern);
			}
			catch (Exception older) {
				throw AlertingException.refused("pattern: " + describe(current));
			}
		}
	}

	/** A machine holding each rule under its name; patterns must be valid. */
	static Machine machine(Collection<Map.Entry<String, String>> patterns) {
		var machine = Machine.builder().withAdditionalNameStateReuse(true).build();
		for (var rule : patterns) {
			try {
				machine.addRule(rule.getKey(), rule.getValue());
			}
			catch (Exception ex) {
				throw new IllegalStateException("stored pattern of rule " + rule.getKey() + " no longer parses", ex);
			}
		}
		return machine;
	}

	/** The names of the machine's rules that match the event (JSON text). */
	static List<String> matches(Machine machine, String event) {
		try {
			return machine.rulesForJSONEvent(event);
		}
		catch (Exception ex) {
			throw AlertingException.refused("event: " + describe(ex));
		}
	}

	private static String describe(Exception ex) {
		if (!(ex instanceof StreamReadException parse)) {
			return String.valueOf(ex.getMessage());
		}
		String field = "";
		if (parse.getProcessor() instanceof JsonParser parser) {
			for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context
				.getParent()) {
				if (context.getCurrentName() != null) {
					field = context.getCurrentName() + (field.isEmpty() ? "" : "." + field);
				}
			}
		}
		JsonLocation at = parse.getLocation();
		String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
		return (field.isEmpty() ? "" : field + ": ") + parse.getOriginalMessage() + where;
	}

}
