package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.Severity;

/**
 * The routes page: health with a permanent error in plain sight, routes that rules name
 * but do not exist, a form whose URL field is never filled back in, and a test message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertRoutesPageTests {

	static final RequestPostProcessor OPERATOR = user("routes-operator").roles("OPERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertRoutes routes;

	@Autowired
	AlertRules rules;

	@Autowired
	RouteDirectory directory;

	final SlackReceiver slack = SlackReceiver.start();

	final String name = "page-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void stop() {
		slack.close();
	}

	@Test
	void everyoneSeesTheRoutesHealthAndAPermanentErrorButNeverTheUrl() throws Exception {
		routes.create(name, slack.webhookUrl(), true, Actor.user("routes-operator"));
		slack.answer(410);
		directory.post(name, "{\"text\":\"an alert\"}");

		String page = mvc.perform(get("/alerts/routes").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"route-" + name + "\"")
			.contains(routes.find(name).orElseThrow().webhookUrlHint())
			.contains("class=\"notice problem permanent-error\"")
			.contains("Slack answered HTTP 410: channel_is_archived")
			.doesNotContain(secretToken())
			.doesNotContain("id=\"new-route-form\"");
	}

	@Test
	void routesThatRulesNameButDoNotExistAreListedWithTheirRules() throws Exception {
		String rule = "names-" + name;
		rules.create(new AlertRuleDraft(rule, "{\"source\": [\"aws.securityhub\"]}", Severity.HIGH,
				List.of("missing-" + name), true), Actor.user("routes-operator"));

		assertThat(routes.missing()).contains(new MissingRoute("missing-" + name, List.of(rule)));
		String page = mvc.perform(get("/alerts/routes").with(OPERATOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"missing-missing-" + name + "\"").contains(">" + rule);
	}

	@Test
	void theFormCreatesARouteAndARefusalNeverEchoesTheUrl() throws Exception {
		String refused = mvc
			.perform(post("/alerts/routes").with(OPERATOR)
				.with(csrf())
				.param("name", name)
				.param("webhookUrl", "https://example.com/services/T1/B2/" + secretToken()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("webhookUrl: must be a Slack incoming webhook URL")
			.contains("type=\"password\"")
			.doesNotContain(secretToken());
		assertThat(routes.find(name)).isEmpty();

		mvc.perform(post("/alerts/routes").with(OPERATOR)
			.with(csrf())
			.param("name", name)
			.param("webhookUrl", slack.webhookUrl())
			.param("enabled", "true"))
			.andExpect(redirectedUrl("/alerts/routes"))
			.andExpect(flash().attribute("done", name));
		assertThat(routes.find(name).orElseThrow().enabled()).isTrue();

		mvc.perform(post("/alerts/routes/" + name + "/disable").with(OPERATOR).with(csrf()))
			.andExpect(redirectedUrl("/alerts/routes"));
		assertThat(routes.find(name).orElseThrow().enabled()).isFalse();
	}

	@Test
	void replacingTheUrlFromThePageTakesTheNewOneAndRefusesABadOne() throws Exception {
		routes.create(name, slack.webhookUrl(), true, Actor.user("routes-operator"));

		mvc.perform(post("/alerts/routes/" + name + "/url").with(OPERATOR)
			.with(csrf())
			.param("webhookUrl", "http://example.com/" + secretToken()))
			.andExpect(redirectedUrl("/alerts/routes"))
			.andExpect(flash().attribute("problem",
					org.hamcrest.Matchers.startsWith("webhookUrl: must be a Slack incoming webhook URL")));
		mvc.perform(post("/alerts/routes/" + name + "/url").with(OPERATOR)
			.with(csrf())
			.param("webhookUrl", slack.url("/services/T0LOCAL00/B0LOCAL00/new-secret-0123456789")))
			.andExpect(flash().attribute("done", name));

		assertThat(routes.find(name).orElseThrow().webhookUrlHint()).endsWith("…6789");
		mvc.perform(post("/alerts/routes/" + name + "/test").with(OPERATOR).with(csrf()))
			.andExpect(
					flash().attribute("outcome", new TestMessageOutcome(TestMessageOutcome.Result.POSTED, "", null)));
		assertThat(slack.requests()).singleElement()
			.extracting(SlackReceiver.Request::path)
			.isEqualTo("/services/T0LOCAL00/B0LOCAL00/new-secret-0123456789");
	}

	@Test
	void theTestOutcomeIsShownAfterTheRedirect() throws Exception {
		routes.create(name, slack.webhookUrl(), true, Actor.user("routes-operator"));
		slack.answer(404);

		var flashed = mvc.perform(post("/alerts/routes/" + name + "/test").with(OPERATOR).with(csrf()))
			.andReturn()
			.getFlashMap();
		String page = mvc.perform(get("/alerts/routes").with(OPERATOR).flashAttrs(flashed))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("data-result=\"PERMANENT\"")
			.contains("Test message to " + name + " failed, and will keep failing until the route is changed.")
			.contains("Slack answered HTTP 404: no_service");
	}

	private String secretToken() {
		return slack.webhookPath().substring(slack.webhookPath().lastIndexOf('/') + 1);
	}

}
