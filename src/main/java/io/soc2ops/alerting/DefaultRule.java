package io.soc2ops.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.Severity;

/**
 * The rule soc2ops ships: new, active GuardDuty findings imported into Security Hub, the
 * pattern of the reference EventBridge rule (kept in {@code alerting/default-rule.json},
 * which the AWS template's pattern must equal). Created on the first start, once: a rule
 * of that name that exists, changed or disabled, is left as it is. Created once the
 * context has started and before the application runners (the demo's) run.
 */
@Component
@ConditionalOnWebApplication
class DefaultRule {

	static final String NAME = "guardduty-new-active";

	static final String LOCATION = "alerting/default-rule.json";

	private final AlertRules rules;

	DefaultRule(AlertRules rules) {
		this.rules = rules;
	}

	@EventListener(ApplicationStartedEvent.class)
	void onReady() {
		if (rules.find(NAME).isPresent()) {
			return;
		}
		try {
			rules.create(new AlertRuleDraft(NAME, pattern(), Severity.INFORMATIONAL, List.of(), true),
					Actor.system("first-run"));
		}
		catch (AlertingException ex) {
			// another instance created it meanwhile
			if (rules.find(NAME).isEmpty()) {
				throw ex;
			}
		}
	}

	static String pattern() {
		try {
			return new ClassPathResource(LOCATION).getContentAsString(StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the default alert rule " + LOCATION + " is missing from the jar", ex);
		}
	}

}
