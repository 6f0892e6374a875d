package io.soc2ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import io.soc2ops.alerting.AlertCases;
import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.AlertRules;
import io.soc2ops.alerting.Alerts;
import io.soc2ops.alerting.CaseState;
import io.soc2ops.findings.IntakeChannel;

/**
 * The demo's GuardDuty findings arrive as EventBridge events do, raise alerts routed to
 * the demo's Slack receiver, and some of their cases are being worked or closed.
 */
@SpringBootTest(properties = "soc2ops.demo.enabled=true")
@AutoConfigureMockMvc
class DemoAlertsTests {

	@Autowired
	Alerts alerts;

	@Autowired
	AlertCases cases;

	@Autowired
	AlertRoutes routes;

	@Autowired
	AlertRules rules;

	@Test
	void everyGuardDutyFindingOfTheDemoRaisedAnAlertFromAnEvent() {
		var raised = alerts.page(1).alerts();

		assertThat(raised).hasSize(11);
		assertThat(raised).allSatisfy(alert -> {
			assertThat(alert.productName()).isEqualTo("GuardDuty");
			assertThat(alert.channel()).isEqualTo(IntakeChannel.WEBHOOK);
			assertThat(alert.ruleName()).isEqualTo(DemoAlerts.RULE);
		});
	}

	@Test
	void casesAreNewInProgressAndClosedWithWhoDidWhat() {
		var byTitle = alerts.page(1)
			.alerts()
			.stream()
			.collect(Collectors.toMap(a -> a.title().substring(0, 20), Function.identity(), (a, b) -> a));
		Map<String, CaseState> states = byTitle.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> cases.find(e.getValue().id()).orElseThrow().alertCase().state()));

		assertThat(states).containsEntry("Potential credential", CaseState.INVESTIGATING)
			.containsEntry("Credentials for inst", CaseState.RESOLVED)
			.containsEntry("EC2 instance i-0c8e2", CaseState.FALSE_POSITIVE)
			.containsValue(CaseState.ACKNOWLEDGED)
			.containsValue(CaseState.NEW);
		var investigating = cases.find(byTitle.get("Potential credential").id()).orElseThrow();
		assertThat(investigating.alertCase().assignee()).isEqualTo(DemoResponders.SECURITY_ENGINEER);
		assertThat(investigating.timeline()).extracting(event -> event.by())
			.contains("user:" + DemoResponders.SECURITY_ENGINEER);
	}

	@Test
	void theDefaultRuleSendsToTheDemoSlackReceiver() {
		assertThat(routes.find(DemoAlerts.ROUTE)).hasValueSatisfying(route -> {
			assertThat(route.enabled()).isTrue();
			assertThat(route.webhookUrlHint()).startsWith("http://127.0.0.1:");
		});
		assertThat(rules.find(DemoAlerts.RULE).orElseThrow().routes()).contains(DemoAlerts.ROUTE);
	}

}
