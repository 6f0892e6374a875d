package io.soc2ops.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import io.soc2ops.alerting.AlertRuleDraft;
import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.AlertRules;
import io.soc2ops.alerting.Alerts;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.PushedEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's alerting, after its organisation is loaded: a route to the demo's local
 * Slack receiver (pointed at it again on every start, as its webhook URL is new each
 * time), the default rule sending there, and, on the first start, the demo's GuardDuty
 * findings pushed as EventBridge events, so they raise alerts the way real ones do. Two
 * responders then work some of the cases, so the demo shows cases new, in progress and
 * closed.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
class DemoAlerts implements ApplicationRunner {

	static final String ROUTE = "demo-slack";

	static final String RULE = "guardduty-new-active";

	private static final Logger log = LoggerFactory.getLogger(DemoAlerts.class);

	private static final Actor LOADER = Actor.system("demo");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DemoSettings settings;

	private final ResourceLoader resources;

	private final DemoSlackReceiver receiver;

	private final AlertRoutes routes;

	private final AlertRules rules;

	private final Alerts alerts;

	private final PushedEvents events;

	private final DemoResponders responders;

	private final java.time.Clock clock;

	DemoAlerts(DemoSettings settings, ResourceLoader resources, DemoSlackReceiver receiver, AlertRoutes routes,
			AlertRules rules, Alerts alerts, PushedEvents events, DemoResponders responders, java.time.Clock clock) {
		this.settings = settings;
		this.resources = resources;
		this.receiver = receiver;
		this.routes = routes;
		this.rules = rules;
		this.alerts = alerts;
		this.events = events;
		this.responders = responders;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		pointRouteAtReceiver();
		sendRuleToRoute();
		if (alerts.page(1).total() > 0) {
			return;
		}
		int pushed = pushGuardDutyEvents();
		responders.workSomeCases(alerts.page(1).alerts());
		log.info("Demo alerting: {} GuardDuty events pushed, alerts raised and sent to the demo Slack receiver",
				pushed);
	}

	private void pointRouteAtReceiver() {
		if (routes.find(ROUTE).isEmpty()) {
			routes.create(ROUTE, receiver.webhookUrl(), true, LOADER);
		}
		else {
			routes.change(ROUTE, true, receiver.webhookUrl(), LOADER);
		}
	}

	private void sendRuleToRoute() {
		var rule = rules.find(RULE);
		if (rule.isEmpty() || rule.get().routes().contains(ROUTE)) {
			return;
		}
		var draft = rule.get().draft();
		var routesOfRule = new ArrayList<>(draft.routes());
		routesOfRule.add(ROUTE);
		rules.change(
				new AlertRuleDraft(draft.name(), draft.pattern(), draft.severityFloor(), routesOfRule, draft.enabled()),
				LOADER);
	}

	/** Each GuardDuty finding of the demo in its own event, as EventBridge sends them. */
	private int pushGuardDutyEvents() throws Exception {
		String findings = DemoOrganisation.withDates(
				resources.getResource(settings.findingsLocation()).getContentAsString(StandardCharsets.UTF_8),
				clock.instant());
		int pushed = 0;
		for (JsonNode finding : JSON.readTree(findings)) {
			if ("GuardDuty".equals(finding.path("ProductName").asString(""))) {
				events.accept(envelope(finding).getBytes(StandardCharsets.UTF_8), IntakeChannel.WEBHOOK,
						"demo EventBridge rule", LOADER);
				pushed++;
			}
		}
		return pushed;
	}

	/** The "Security Hub Findings - Imported" envelope EventBridge wraps a finding in. */
	private String envelope(JsonNode finding) {
		ObjectNode envelope = JSON.createObjectNode();
		envelope.put("version", "0");
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("detail-type", "Security Hub Findings - Imported");
		envelope.put("source", "aws.securityhub");
		envelope.put("account", finding.path("AwsAccountId").asString());
		envelope.put("time", clock.instant().toString());
		envelope.put("region", finding.path("Region").asString());
		envelope.putArray("resources").add(finding.path("ProductArn").asString() + "/" + finding.path("Id").asString());
		envelope.putObject("detail").putArray("findings").add(finding);
		return JSON.writeValueAsString(envelope);
	}

}
