package io.soc2ops.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.alerting.Alert;
import io.soc2ops.alerting.AlertRule;
import io.soc2ops.alerting.AlertRuleDraft;
import io.soc2ops.alerting.AlertRules;
import io.soc2ops.alerting.Alerts;
import io.soc2ops.alerting.AlertingException;
import io.soc2ops.alerting.EventTrial;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Alert rules and the alerts they raised, for programs. A rule's pattern is sent as the
 * JSON object it is (or as a string holding one).
 */
@RestController
@Tag(name = "Alerting", description = "EventBridge-pattern alert rules and the alerts they raise")
class AlertRulesApi {

	private final AlertRules rules;

	private final Alerts alerts;

	AlertRulesApi(AlertRules rules, Alerts alerts) {
		this.rules = rules;
		this.alerts = alerts;
	}

	@GetMapping("/api/v1/alert-rules")
	@Operation(summary = "Every alert rule")
	List<AlertRule> list() {
		return rules.list();
	}

	@GetMapping("/api/v1/alert-rules/{name}")
	@Operation(summary = "One alert rule")
	AlertRule rule(@PathVariable String name) {
		return rules.find(name).orElseThrow(() -> NotFound.of("no alert rule " + name));
	}

	@PostMapping("/api/v1/alert-rules")
	@Operation(summary = "Create an alert rule; an invalid pattern is refused with the parser's message")
	ResponseEntity<AlertRule> create(@RequestBody RuleRequest request, Authentication authentication) {
		var rule = rules.create(request.draft(request.name()), Actor.user(authentication.getName()));
		return ResponseEntity.created(URI.create("/api/v1/alert-rules/" + rule.name())).body(rule);
	}

	@PutMapping("/api/v1/alert-rules/{name}")
	@Operation(summary = "Change an alert rule: pattern, severity floor, routes, enabled")
	AlertRule change(@PathVariable String name, @RequestBody RuleRequest request, Authentication authentication) {
		if (request.name() != null && !request.name().equals(name)) {
			throw new IllegalArgumentException(
					"name: a rule cannot be renamed (" + name + " in the path, " + request.name() + " in the body)");
		}
		return rules.change(request.draft(name), Actor.user(authentication.getName()));
	}

	@PostMapping("/api/v1/alert-rules/try")
	@Operation(summary = "Match one EventBridge event against every rule: what each does with each finding, and why")
	TrialView tryEvent(@RequestBody String event) {
		return TrialView.of(rules.tryEvent(event));
	}

	@GetMapping("/api/v1/alerts")
	@Operation(summary = "Alerts raised, newest first, 50 a page")
	Alerts.AlertPage alerts(@RequestParam(defaultValue = "1") int page) {
		return alerts.page(page);
	}

	@ExceptionHandler(AlertingException.class)
	ProblemDetail refused(AlertingException ex) {
		return ApiProblems.alerting(ex, HttpStatus.BAD_REQUEST);
	}

	/** A rule as sent; {@code enabled} defaults to true, {@code routes} to none. */
	record RuleRequest(@Nullable String name, @Nullable JsonNode pattern, @Nullable Severity severityFloor,
			@Nullable List<String> routes, @Nullable Boolean enabled) {

		AlertRuleDraft draft(@Nullable String ruleName) {
			if (ruleName == null) {
				throw new IllegalArgumentException("name: is required");
			}
			if (pattern == null || pattern.isNull()) {
				throw new IllegalArgumentException("pattern: is required (an EventBridge event pattern)");
			}
			if (severityFloor == null) {
				throw new IllegalArgumentException("severityFloor: is required (" + List.of(Severity.values()) + ")");
			}
			String text = pattern.isString() ? pattern.asString() : pattern.toString();
			return new AlertRuleDraft(ruleName, text, severityFloor, routes == null ? List.of() : routes,
					enabled == null || enabled);
		}

	}

	/** {@link EventTrial} with each miss also told in words. */
	record TrialView(boolean raisesAny, List<FindingView> findings) {

		static TrialView of(EventTrial trial) {
			return new TrialView(trial.raisesAny(),
					trial.findings()
						.stream()
						.map(f -> new FindingView(f.number(), f.finding(), f.severity(),
								f.rules()
									.stream()
									.map(r -> new VerdictView(r.rule(), r.outcome(),
											r.misses().stream().map(EventTrial.Miss::describe).toList(), r.misses()))
									.toList()))
						.toList());
		}

	}

	record FindingView(int number, String finding, @Nullable Severity severity, List<VerdictView> rules) {
	}

	record VerdictView(String rule, EventTrial.Outcome outcome, List<String> reasons, List<EventTrial.Miss> misses) {
	}

}
