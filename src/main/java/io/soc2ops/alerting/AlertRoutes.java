package io.soc2ops.alerting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.identity.Secrets;

/**
 * Routes: named Slack incoming webhooks that alert rules send to. The webhook URL is
 * sealed before it is stored and never handed out again; reads carry a hint of it.
 * Creating, changing, enabling and disabling a route is recorded in the evidence ledger
 * (with the hint, never the URL); bad input is refused with the field named and nothing
 * stored.
 */
@Service
public class AlertRoutes {

	private final RouteStore store;

	private final RuleStore rules;

	private final Secrets secrets;

	private final SlackRoutes slack;

	private final RouteSettings settings;

	private final EvidenceLedger ledger;

	private final Clock clock;

	AlertRoutes(RouteStore store, RuleStore rules, Secrets secrets, SlackRoutes slack, RouteSettings settings,
			EvidenceLedger ledger, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.secrets = secrets;
		this.slack = slack;
		this.settings = settings;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Every route, by name, with its health. */
	public List<AlertRoute> list() {
		return store.all();
	}

	public Optional<AlertRoute> find(String name) {
		return store.find(name).map(StoredRoute::route);
	}

	/** Route names that rules send to but no route has, each with the rules naming it. */
	public List<MissingRoute> missing() {
		Set<String> defined = store.all().stream().map(AlertRoute::name).collect(Collectors.toSet());
		var missing = new TreeMap<String, Set<String>>();
		for (AlertRule rule : rules.all()) {
			rule.routes()
				.stream()
				.filter(route -> !defined.contains(route))
				.forEach(route -> missing.computeIfAbsent(route, r -> new TreeSet<>()).add(rule.name()));
		}
		return missing.entrySet().stream().map(e -> new MissingRoute(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/**
	 * @throws AlertingException naming the field: a bad name or URL, or a route of that
	 * name exists already
	 */
	@Transactional
	public AlertRoute create(String name, String webhookUrl, boolean enabled, Actor by) {
		checkName(name);
		var url = WebhookUrl.parse(webhookUrl, settings.localWebhooksAllowed());
		if (store.find(name).isPresent()) {
			throw exists(name);
		}
		var now = clock.instant();
		var route = new AlertRoute(name, RouteKind.SLACK_WEBHOOK, url.hint(), enabled, by.toString(), now,
				by.toString(), now, 1, RouteHealth.UNTRIED);
		try {
			store.insert(new StoredRoute(route, secrets.seal(url.value())));
		}
		catch (DuplicateKeyException ex) {
			throw exists(name);
		}
		record("alert-route.created", route, by, false);
		return route;
	}

	/**
	 * Switches the route on or off and, when a new webhook URL is given, replaces its URL
	 * (which clears a permanent error). Changing nothing records nothing.
	 * @throws AlertingException when there is no such route, the URL is bad, or the route
	 * changed meanwhile
	 */
	@Transactional
	public AlertRoute change(String name, boolean enabled, @Nullable String newWebhookUrl, Actor by) {
		var current = get(name);
		var url = newWebhookUrl == null ? null : WebhookUrl.parse(newWebhookUrl, settings.localWebhooksAllowed());
		var was = current.route();
		if (url == null && was.enabled() == enabled) {
			return was;
		}
		var route = new AlertRoute(name, was.kind(), url == null ? was.webhookUrlHint() : url.hint(), enabled,
				was.createdBy(), was.createdAt(), by.toString(), clock.instant(), was.version() + 1, was.health());
		var sealed = url == null ? current.sealedUrl() : secrets.seal(url.value());
		if (!store.update(new StoredRoute(route, sealed))) {
			throw AlertingException.refused("route " + name + " was changed by someone else meanwhile; "
					+ "load it again and repeat the change");
		}
		if (url != null) {
			record("alert-route.changed", route, by, true);
		}
		if (was.enabled() != enabled) {
			record(enabled ? "alert-route.enabled" : "alert-route.disabled", route, by, false);
		}
		return find(name).orElseThrow();
	}

	@Transactional
	public AlertRoute enable(String name, Actor by) {
		return change(name, true, null, by);
	}

	@Transactional
	public AlertRoute disable(String name, Actor by) {
		return change(name, false, null, by);
	}

	/**
	 * Posts a short test message to the route, enabled or not, records the outcome on its
	 * health and in the ledger, and says what became of it.
	 * @throws AlertingException when there is no such route
	 */
	public TestMessageOutcome sendTestMessage(String name, Actor by) {
		var route = get(name).route();
		var outcome = TestMessageOutcome
			.of(slack.postEvenIfDisabled(name, TestMessage.payload(name, by, clock.instant())));
		Map<String, Object> payload = payload(route, false);
		payload.put("outcome", outcome.result().name());
		payload.put("detail", outcome.detail());
		ledger.record(new EvidenceRecord("alert-route.tested", by, "alerting", "alert-route:" + name,
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), payload));
		return outcome;
	}

	private StoredRoute get(String name) {
		return store.find(name).orElseThrow(() -> AlertingException.notFound("no alert route " + name));
	}

	private static void checkName(String name) {
		if (!AlertRuleDraft.NAME.matcher(name).matches()) {
			throw AlertingException.refused("name: must be 1-64 letters, digits or . _ - (as rules name routes) "
					+ "but was '" + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + "'");
		}
	}

	private static AlertingException exists(String name) {
		return AlertingException.refused("name: a route named " + name + " exists already");
	}

	private void record(String action, AlertRoute route, Actor by, boolean urlReplaced) {
		ledger.record(new EvidenceRecord(action, by, "alerting", "alert-route:" + route.name(),
				LocalDate.ofInstant(route.changedAt(), ZoneOffset.UTC), payload(route, urlReplaced)));
	}

	private static Map<String, Object> payload(AlertRoute route, boolean urlReplaced) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("name", route.name());
		payload.put("kind", route.kind().name());
		payload.put("webhookUrlHint", route.webhookUrlHint());
		payload.put("enabled", route.enabled());
		payload.put("version", route.version());
		if (urlReplaced) {
			payload.put("webhookUrlReplaced", true);
		}
		return payload;
	}

}
