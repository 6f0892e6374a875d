package io.soc2ops.alerting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Alert rules: EventBridge event patterns with a severity floor and the routes their
 * alerts go to. Creating, changing, enabling and disabling a rule is recorded in the
 * evidence ledger; an invalid rule is refused with the field named and nothing stored.
 */
@Service
public class AlertRules {

	private final RuleStore store;

	private final EvidenceLedger ledger;

	private final Clock clock;

	AlertRules(RuleStore store, EvidenceLedger ledger, Clock clock) {
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Every rule, by name. */
	public List<AlertRule> list() {
		return store.all();
	}

	public Optional<AlertRule> find(String name) {
		return store.find(name);
	}

	/**
	 * @throws AlertingException when a rule of that name exists already
	 */
	@Transactional
	public AlertRule create(AlertRuleDraft draft, Actor by) {
		if (store.find(draft.name()).isPresent()) {
			throw exists(draft.name());
		}
		var now = clock.instant();
		var rule = new AlertRule(draft.name(), draft.pattern(), draft.severityFloor(), draft.routes(), draft.enabled(),
				by.toString(), now, by.toString(), now, 1);
		try {
			store.insert(rule);
		}
		catch (DuplicateKeyException ex) {
			throw exists(draft.name());
		}
		record("alert-rule.created", rule, by);
		return rule;
	}

	/**
	 * Makes the rule say what the draft says (its name picks the rule). Recorded as a
	 * change, an enabling or a disabling, or both; a draft equal to the rule changes
	 * nothing.
	 * @throws AlertingException when there is no such rule, or it changed meanwhile
	 */
	@Transactional
	public AlertRule change(AlertRuleDraft draft, Actor by) {
		var current = get(draft.name());
		if (current.draft().equals(draft)) {
			return current;
		}
		var rule = new AlertRule(draft.name(), draft.pattern(), draft.severityFloor(), draft.routes(), draft.enabled(),
				current.createdBy(), current.createdAt(), by.toString(), clock.instant(), current.version() + 1);
		if (!store.update(rule)) {
			throw AlertingException.refused("rule " + draft.name() + " was changed by someone else meanwhile; "
					+ "load it again and repeat the change");
		}
		var was = current.draft();
		if (!was.pattern().equals(draft.pattern()) || was.severityFloor() != draft.severityFloor()
				|| !was.routes().equals(draft.routes())) {
			record("alert-rule.changed", rule, by);
		}
		if (was.enabled() != draft.enabled()) {
			record(draft.enabled() ? "alert-rule.enabled" : "alert-rule.disabled", rule, by);
		}
		return rule;
	}

	@Transactional
	public AlertRule enable(String name, Actor by) {
		return switched(name, true, by);
	}

	@Transactional
	public AlertRule disable(String name, Actor by) {
		return switched(name, false, by);
	}

	/**
	 * Matches an event against every rule, enabled or not, as the intake would, and says
	 * for each finding of the event and each rule whether it raises an alert, and if not,
	 * why.
	 * @param event one EventBridge event (JSON)
	 * @throws AlertingException when the event is not a JSON object
	 */
	public EventTrial tryEvent(String event) {
		return RuleTrials.trial(store.all(), event);
	}

	private AlertRule switched(String name, boolean enabled, Actor by) {
		var current = get(name).draft();
		return change(new AlertRuleDraft(name, current.pattern(), current.severityFloor(), current.routes(), enabled),
				by);
	}

	private AlertRule get(String name) {
		return store.find(name).orElseThrow(() -> AlertingException.notFound("no alert rule " + name));
	}

	private static AlertingException exists(String name) {
		return AlertingException.refused("name: a rule named " + name + " exists already");
	}

	private void record(String action, AlertRule rule, Actor by) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("name", rule.name());
		payload.put("pattern", rule.pattern());
		payload.put("severityFloor", rule.severityFloor().name());
		payload.put("routes", rule.routes());
		payload.put("enabled", rule.enabled());
		payload.put("version", rule.version());
		ledger.record(new EvidenceRecord(action, by, "alerting", "alert-rule:" + rule.name(),
				LocalDate.ofInstant(rule.changedAt(), ZoneOffset.UTC), payload));
	}

}
