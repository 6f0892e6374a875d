package io.soc2ops.demo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.alerting.AlertCases;
import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.AlertRules;
import io.soc2ops.alerting.Alerts;
import io.soc2ops.alerting.CaseState;
import io.soc2ops.findings.IntakeChannel;

/**
 * The demo's GuardDuty findings arrive as EventBridge events do, raise alerts routed to
 * the demo's Slack receiver, and some of their cases are being worked or closed; its
 * vulnerability notices (as {@code ./soc2ops demo} routes them) arrive there too.
 */
@SpringBootTest(properties = { "soc2ops.demo.enabled=true", "soc2ops.alerting.delivery.enabled=true",
		"soc2ops.alerting.delivery.per-route-interval=100ms", "soc2ops.alerting.delivery.poll-interval=100ms",
		"soc2ops.vulnerabilities.notify.routes=" + DemoAlerts.ROUTE })
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

	@Autowired
	SlackInbox slack;

	@Autowired
	io.soc2ops.identity.Users users;

	@Autowired
	MockMvc mvc;

	@Test
	void everyAlertReachesTheDemoSlackReceiverAndTheAlertsPageLeadsThere() throws Exception {
		var ids = alerts.page(1).alerts().stream().map(alert -> alert.id()).collect(Collectors.toSet());

		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> alertIdsReceived().containsAll(ids));

		assertThat(slack.newest(500)
			.stream()
			.filter(message -> buttons(message).anyMatch(button -> button.url().contains("/alerts")))
			.count()).as("the five port probes arrive as one message").isLessThan(ids.size());
		mvc.perform(get("/alerts").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"demo-slack-link\"")));
	}

	/** The alerts the received messages link to. */
	private Set<String> alertIdsReceived() {
		var ids = new java.util.HashSet<String>();
		var link = java.util.regex.Pattern.compile("/alerts/([0-9a-f-]{36})");
		for (var message : slack.newest(500)) {
			buttons(message).map(button -> link.matcher(button.url()))
				.filter(java.util.regex.Matcher::find)
				.forEach(matcher -> ids.add(matcher.group(1)));
		}
		return ids;
	}

	private static java.util.stream.Stream<SlackMessage.Button> buttons(SlackMessage message) {
		return message.blocks().stream().flatMap(block -> switch (block) {
			case SlackMessage.Buttons buttons -> buttons.buttons().stream();
			case SlackMessage.Section section -> section.buttons().stream();
			default -> java.util.stream.Stream.<SlackMessage.Button>empty();
		});
	}

	@Test
	void theDemoSlackShowsTheBreachesWhatIsDueSoonAndEachTeamsDigest() throws Exception {
		var headers = slack.newest(500)
			.stream()
			.flatMap(message -> message.blocks().stream())
			.filter(SlackMessage.Header.class::isInstance)
			.map(header -> ((SlackMessage.Header) header).text())
			.toList();

		assertThat(headers).contains("🚨 6 vulnerabilities breached the SLA", "⏰ 2 vulnerabilities due within 1d",
				"📋 Weekly vulnerabilities: team payments", "📋 Weekly vulnerabilities: team platform");
		mvc.perform(get("/demo/slack").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("6 vulnerabilities breached the SLA")))
			.andExpect(content().string(Matchers.containsString("/vulnerabilities?status=overdue")));
	}

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
	void theDemoRespondersDoNotKeepTheFirstAdminFromBeingCreated() {
		assertThat(users.find(io.soc2ops.identity.Username.of("admin")))
			.hasValueSatisfying(admin -> assertThat(admin.has(io.soc2ops.identity.Role.ADMIN)).isTrue());
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
