package io.soc2ops.alerting;

import java.util.List;
import java.util.UUID;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.Severity;
import io.soc2ops.web.EventsApiFixtures;

/**
 * Alerts for delivery tests, raised the way EventBridge raises them: a rule of the test's
 * own (matching finding IDs that start with its tag) routed to the test's routes, and
 * GuardDuty findings (AWS's sample) pushed through the intake as the webhook does.
 */
final class Raising {

	static final String NOW = "2026-11-20T03:14:00.000Z";

	static final String SAMPLE_TYPE = "TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS";

	static final String FINDING_ARN = "arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/";

	/** Letters and digits only, as GuardDuty finding IDs are. */
	final String tag = UUID.randomUUID().toString().replace("-", "");

	final String rule = "rule-" + tag.substring(0, 12);

	private final FindingsIntake intake;

	/**
	 * @param routes the routes the rule sends to: real routes, each made (once) a webhook
	 * of the receiver
	 */
	Raising(AlertRules rules, AlertRoutes alertRoutes, RouteReceiver receiver, FindingsIntake intake,
			String... routes) {
		this(rules, intake, created(alertRoutes, receiver, routes));
	}

	/**
	 * @param routes the routes the rule sends to, as they are (made elsewhere, or none)
	 */
	Raising(AlertRules rules, FindingsIntake intake, String... routes) {
		this.intake = intake;
		rules.create(new AlertRuleDraft(rule, """
				{"detail": {"findings": {"Id": [{"prefix": "%s%s"}]}}}""".formatted(FINDING_ARN, tag),
				Severity.INFORMATIONAL, List.of(routes), true), Actor.user("delivery-tester"));
	}

	private static String[] created(AlertRoutes alertRoutes, RouteReceiver receiver, String... routes) {
		for (String route : routes) {
			if (alertRoutes.find(route).isEmpty()) {
				alertRoutes.create(route, receiver.url(route), true, Actor.user("delivery-tester"));
			}
		}
		return routes;
	}

	/** A finding of the test's rule, of AWS's sample type unless told otherwise. */
	String finding(String suffix) {
		return finding(suffix, SAMPLE_TYPE);
	}

	String finding(String suffix, String type) {
		return EventsApiFixtures.guardDuty(tag + suffix, NOW).replace(SAMPLE_TYPE, type);
	}

	String event(String... findings) {
		return EventsApiFixtures.envelope(UUID.randomUUID().toString(), List.of(findings));
	}

	/** Pushes one event with these findings through the intake, as the webhook does. */
	void push(String... findings) {
		intake.accept(event(findings), IntakeChannel.WEBHOOK, "api", Actor.user("eventbridge"));
	}

}
