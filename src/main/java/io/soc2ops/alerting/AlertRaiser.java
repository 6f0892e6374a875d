package io.soc2ops.alerting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.soc2ops.findings.Finding;
import io.soc2ops.findings.FindingEvents;
import io.soc2ops.findings.FindingKey;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.ReceivedEvent;
import io.soc2ops.alerting.OnAlertRaised.Raised;

/**
 * Raises alerts from the events the findings intake stored, in its transaction: each
 * finding of an event is matched by itself against the enabled rules, and each match at
 * or above the rule's severity floor stores one alert. The alerts of one batch of events
 * are stored together, and so are their follow-ups. Only events pushed by EventBridge
 * (the API destination and the SQS queue) raise alerts: a file or the Security Hub API
 * brings history and current state, which must not page anyone.
 */
@Component
class AlertRaiser implements FindingEvents {

	static final Set<IntakeChannel> RAISING = Set.of(IntakeChannel.WEBHOOK, IntakeChannel.QUEUE);

	private static final int MAX_EVENT_ID = 128;

	private static final int MAX_TYPE = 512;

	private final EnabledRules rules;

	private final AlertStore alerts;

	private final List<OnAlertRaised> followUps;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AlertRaiser(EnabledRules rules, AlertStore alerts, List<OnAlertRaised> followUps, ApplicationEventPublisher events,
			Clock clock) {
		this.rules = rules;
		this.alerts = alerts;
		this.followUps = List.copyOf(followUps);
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void stored(List<ReceivedEvent> received) {
		var raising = received.stream().filter(event -> RAISING.contains(event.channel())).toList();
		if (raising.isEmpty()) {
			return;
		}
		var enabled = rules.current();
		if (enabled.isEmpty()) {
			return;
		}
		var matched = new ArrayList<Raised>();
		raising.forEach(event -> match(event, enabled, matched));
		var raised = alerts.insertNew(matched);
		if (raised.isEmpty()) {
			return;
		}
		followUps.forEach(followUp -> followUp.raised(raised));
		raised.forEach(this::announce);
	}

	/** Adds an alert for each finding of the event and each rule that matches it. */
	private void match(ReceivedEvent event, EnabledRules.Compiled enabled, List<Raised> matched) {
		String eventId = eventId(event);
		var findings = event.envelope().path("detail").path("findings");
		for (int i = 0; i < event.findings().size(); i++) {
			var finding = event.findings().get(i);
			for (var rule : enabled.matching(Envelopes.withOneFinding(event.envelope(), findings.get(i)))) {
				if (finding.severity().compareTo(rule.severityFloor()) >= 0) {
					String key = Digests.sha256(eventId + '\0' + finding.key().digest() + '\0' + rule.name());
					matched.add(new Raised(alert(eventId, rule, finding, event.channel()), rule, key));
				}
			}
		}
	}

	private void announce(Raised raised) {
		var alert = raised.alert();
		events.publishEvent(new FindingWorkflowUpdate(alert.id(), new FindingKey(alert.findingId(), alert.productArn()),
				alert.accountId(), alert.region(), FindingWorkflowUpdate.Status.NOTIFIED,
				"soc2ops alert " + alert.id() + " (rule " + raised.rule().name() + ")", "soc2ops"));
	}

	private Alert alert(String eventId, AlertRule rule, Finding finding, IntakeChannel channel) {
		var resource = finding.resource();
		String type = finding.types().isEmpty() ? "" : finding.types().getFirst();
		return new Alert(UUID.randomUUID().toString(), rule.name(), finding.severity(), finding.productName(),
				finding.key().digest(), finding.key().id(), finding.key().productArn(), finding.title(),
				type.length() > MAX_TYPE ? type.substring(0, MAX_TYPE) : type, finding.accountId(), finding.region(),
				resource.type(), resource.id(), finding.firstObservedAt(), finding.lastObservedAt(), clock.instant(),
				channel, eventId);
	}

	/** The envelope's id; an envelope without a usable one is known by its digest. */
	private static String eventId(ReceivedEvent event) {
		String id = event.eventId();
		if (!id.isBlank() && id.length() <= MAX_EVENT_ID) {
			return id;
		}
		return "sha256:" + Digests.sha256(Envelopes.JSON.writeValueAsString(event.envelope()));
	}

}
