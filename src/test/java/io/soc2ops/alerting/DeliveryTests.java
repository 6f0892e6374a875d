package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.alerting.RouteReceiver.Answer;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Alerts go from the outbox to their route's Slack webhook once; a failure is tried again
 * after a backoff (never before Slack's Retry-After), a revoked webhook or the last
 * failed attempt parks the delivery as dead with its error, and a person can retry it
 * from the page or the API. Every outcome is in the evidence ledger.
 */
@SpringBootTest(properties = { "soc2ops.alerting.delivery.enabled=true",
		"soc2ops.alerting.delivery.per-route-interval=100ms", "soc2ops.alerting.delivery.first-retry=50ms",
		"soc2ops.alerting.delivery.max-retry=100ms", "soc2ops.alerting.delivery.max-attempts=3",
		"soc2ops.alerting.delivery.poll-interval=100ms", "soc2ops.public-url=https://soc2ops.example.com" })
@AutoConfigureMockMvc
@Import(RouteReceiver.OfTheContext.class)
@DirtiesContext
class DeliveryTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	RouteReceiver receiver;

	@Autowired
	AlertRoutes alertRoutes;

	@Autowired
	AlertRules rules;

	@Autowired
	FindingsIntake intake;

	@Autowired
	Deliveries deliveries;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	String route;

	Raising raising;

	@BeforeEach
	void rule() {
		route = "slack-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		raising = new Raising(rules, alertRoutes, receiver, intake, route);
	}

	@Test
	void anAlertRaisedThroughTheWebhookIsDeliveredOnceWithItsBlocks() throws Exception {
		String event = raising.event(raising.finding("1"));
		mvc.perform(post("/api/v1/events").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Role.OPERATOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content(event)).andExpect(status().isOk());
		var delivery = deliveredOnce();

		// the same event again raises nothing new, so nothing more is queued
		mvc.perform(post("/api/v1/events").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Role.OPERATOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content(event)).andExpect(status().isOk());
		assertThat(deliveries.page(null, route, 1).total()).isEqualTo(1);

		var message = receiver.received(route).getFirst().message();
		assertThat(receiver.received(route)).hasSize(1);
		assertThat(receiver.received(route).getFirst().deliveryIds()).containsExactly(delivery.id());
		assertThat(message.path("text").asString()).startsWith("HIGH: EC2 instance i-0b7f2c9a1d3e45f60 is querying");
		var blocks = message.path("blocks");
		assertThat(blocks.get(0).path("type").asString()).isEqualTo("header");
		assertThat(blocks.get(0).path("text").path("text").asString()).isEqualTo(
				"HIGH: EC2 instance i-0b7f2c9a1d3e45f60 is querying a domain associated with a known C&C server.");
		assertThat(blocks.get(1).path("fields").toString()).contains("*Finding type*")
			.contains("TTPs/Command and Control/Backdoor:EC2-C&amp;CActivity.B!DNS")
			.contains("444455556666")
			.contains("ap-northeast-1")
			.contains("AwsEc2Instance")
			.contains("2026-11-20 03:10 UTC")
			.contains("2026-11-20 03:14 UTC");
		var buttons = blocks.get(2).path("elements");
		assertThat(buttons.get(0).path("text").path("text").asString()).isEqualTo("Acknowledge in soc2ops");
		assertThat(buttons.get(0).path("url").asString())
			.isEqualTo("https://soc2ops.example.com/alerts/" + delivery.alertId());
		assertThat(buttons.get(1).path("url").asString())
			.isEqualTo("https://soc2ops.example.com/alerts/" + delivery.alertId());
		assertThat(buttons.get(2).path("url").asString()).isEqualTo(
				"https://ap-northeast-1.console.aws.amazon.com/securityhub/home?region=ap-northeast-1#/findings?search="
						+ "Id%3D%255Coperator%255C%253AEQUALS%255C%253Aarn%253Aaws%253Aguardduty%253Aap-northeast-1"
						+ "%253A444455556666%253Adetector%252Fabc%252Ffinding%252F" + raising.tag + "1");
		assertThat(buttons.get(3).path("url").asString())
			.isEqualTo("https://ap-northeast-1.console.aws.amazon.com/guardduty/home?region=ap-northeast-1"
					+ "#/findings?macros=current&fId=" + raising.tag + "1");
		assertThat(blocks.get(3).path("elements").get(0).path("text").asString()).contains(raising.rule)
			.contains("GuardDuty");
	}

	@Test
	void aDeliveryIsRecordedInTheLedgerWithRouteAttemptsAndGroupSizeButNotTheWebhook() {
		raising.push(raising.finding("1"));
		var delivery = deliveredOnce();

		var notified = ledger.about("alert:" + delivery.alertId(), 10)
			.stream()
			.filter(entry -> entry.action().equals("alert.notified"))
			.toList();
		assertThat(notified).hasSize(1);
		assertThat(notified.getFirst().payload()).contains("\"route\":\"" + route + "\"")
			.contains("\"attempts\":1")
			.contains("\"groupSize\":1")
			.contains("\"delivery\":\"" + delivery.id() + "\"")
			.doesNotContain("http");
	}

	@Test
	void aServerErrorIsTriedAgainUntilSlackTakesIt() {
		receiver.answer(route, Answer.of(500, "internal_error"), Answer.of(503, "service_unavailable"));
		raising.push(raising.finding("1"));

		var delivery = deliveredOnce();
		assertThat(receiver.received(route)).extracting(RouteReceiver.Received::status).containsExactly(500, 503, 200);
		assertThat(receiver.received(route))
			.allSatisfy(m -> assertThat(m.deliveryIds()).containsExactly(delivery.id()));
		assertThat(delivery.attempts()).isEqualTo(3);
		assertThat(delivery.lastError()).isEqualTo("Slack answered HTTP 503: service_unavailable");
	}

	@Test
	void aRateLimitedDeliveryWaitsAtLeastWhatRetryAfterAsks() {
		receiver.answer(route, new Answer(429, "rate_limited", Map.of("Retry-After", "2"), Duration.ZERO));
		raising.push(raising.finding("1"));

		deliveredOnce();
		var received = receiver.received(route);
		assertThat(received).extracting(RouteReceiver.Received::status).containsExactly(429, 200);
		assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aRevokedWebhookMakesTheDeliveryDeadAtOnceWithItsError() {
		receiver.answer(route, Answer.of(410, "no_active_hooks"));
		raising.push(raising.finding("1"));

		var dead = deadOne();
		assertThat(dead.attempts()).isEqualTo(1);
		assertThat(dead.lastError()).isEqualTo("Slack answered HTTP 410: no_active_hooks");
		assertThat(receiver.received(route)).hasSize(1);
		assertThat(ledger.about("alert:" + dead.alertId(), 10))
			.filteredOn(e -> e.action().equals("alert.delivery-dead"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.payload()).contains("no_active_hooks").contains(route));
	}

	@Test
	void afterTheLastFailedAttemptTheDeliveryIsDead() {
		receiver.answer(route, Answer.of(500, "one"), Answer.of(502, "two"), Answer.of(500, "three"));
		raising.push(raising.finding("1"));

		var dead = deadOne();
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.lastError()).isEqualTo("Slack answered HTTP 500: three");
		assertThat(receiver.received(route)).hasSize(3);
	}

	@Test
	void aDeadDeliveryRetriedThroughTheApiIsDelivered() throws Exception {
		receiver.answer(route, Answer.of(404, "no_service"));
		raising.push(raising.finding("1"));
		var dead = deadOne();
		mvc.perform(get("/api/v1/alert-deliveries").param("state", "DEAD")
			.param("route", route)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Role.AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.deliveries[0].id").value(dead.id()))
			.andExpect(jsonPath("$.deliveries[0].lastError").value("Slack answered HTTP 404: no_service"));

		mvc.perform(post("/api/v1/alert-deliveries/{id}/retry", dead.id()).header(HttpHeaders.AUTHORIZATION,
				"Bearer " + token(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attempts").value(0));

		var delivered = deliveredOnce();
		assertThat(delivered.id()).isEqualTo(dead.id());
		assertThat(receiver.deliveredIds()).containsOnlyOnce(dead.id());
		// newest first
		assertThat(ledger.about("alert:" + dead.alertId(), 10)).extracting(e -> e.action())
			.containsSubsequence("alert.notified", "alert.delivery-retried", "alert.delivery-dead");
		assertThat(ledger.about("alert:" + dead.alertId(), 10))
			.filteredOn(e -> e.action().equals("alert.delivery-retried"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.actor()).isEqualTo(Actor.user("deliveries-operator")));
	}

	@Test
	void onlyADeadDeliveryCanBeRetriedAndAnUnknownOneIsNotFound() throws Exception {
		raising.push(raising.finding("1"));
		var delivered = deliveredOnce();

		mvc.perform(post("/api/v1/alert-deliveries/{id}/retry", delivered.id()).header(HttpHeaders.AUTHORIZATION,
				"Bearer " + token(Role.OPERATOR)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("delivery " + delivered.id()
					+ " is delivered; only a dead delivery can be retried; " + "nothing was changed"));
		mvc.perform(post("/api/v1/alert-deliveries/{id}/retry", "no-such-delivery").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + token(Role.OPERATOR)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/alert-deliveries").param("state", "LOST")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Role.OPERATOR)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("state: must be one of [PENDING, DELIVERED, DEAD] but was 'LOST'"));
		assertThat(deliveries.find(delivered.id()).orElseThrow().state()).isEqualTo(Delivery.State.DELIVERED);
	}

	@Test
	void theDeliveriesPageShowsCountsPerRouteAndTheDeadWithTheirErrorForRetry() throws Exception {
		receiver.answer(route, Answer.of(410, "no_active_hooks"));
		raising.push(raising.finding("1"));
		var dead = deadOne();

		String page = mvc.perform(get("/alerts/deliveries").with(user("deliveries-operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"route-" + route + "\"")
			.contains("id=\"delivery-" + dead.id() + "\"")
			.contains("Slack answered HTTP 410: no_active_hooks")
			.contains("href=\"/alerts/" + dead.alertId() + "\"")
			.contains("action=\"/alerts/deliveries/" + dead.id() + "/retry\"");
		String asAuditor = mvc.perform(get("/alerts/deliveries").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(asAuditor).contains("Slack answered HTTP 410: no_active_hooks").doesNotContain("/retry\"");

		mvc.perform(post("/alerts/deliveries/retry").param("route", route)
			.with(user("deliveries-operator").roles("OPERATOR"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(deliveredOnce().id()).isEqualTo(dead.id());
	}

	/** Waits for the test route's only delivery to be delivered. */
	private Delivery deliveredOnce() {
		return await().atMost(WAIT).until(this::only, d -> d.state() == Delivery.State.DELIVERED);
	}

	private Delivery deadOne() {
		return await().atMost(WAIT).until(this::only, d -> d.state() == Delivery.State.DEAD);
	}

	private Delivery only() {
		List<Delivery> all = deliveries.page(null, route, 1).deliveries();
		assertThat(all).hasSize(1);
		return all.getFirst();
	}

	private String token(Role role) {
		var username = Username.of("deliveries-" + role.name().toLowerCase(java.util.Locale.ROOT));
		if (users.find(username).isEmpty()) {
			users.create(username, "Deliveries " + role, Set.of(role), "a-long-enough-password", Actor.system("test"));
		}
		return tokens.issue(username, "deliveries", Actor.system("test")).secret();
	}

}
