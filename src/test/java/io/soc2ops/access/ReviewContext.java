package io.soc2ops.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import io.soc2ops.MovableClock;
import io.soc2ops.alerting.AlertRoutes;
import io.soc2ops.alerting.SlackReceiver;
import io.soc2ops.evidence.Actor;

/**
 * The one application context every access review test shares: a movable clock, MockMvc,
 * and reminders to a route whose webhook is a local Slack receiver. Tests use accounts
 * and people of their own instead of clean tables. The access outbox's own tests
 * ({@link AccessMessagesTests}) share it too, with a route, a receiver and a topic of
 * their own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(properties = { "soc2ops.test.context=access-reviews",
		"soc2ops.access.reviews.route=" + ReviewContext.ROUTE, "soc2ops.alerting.delivery.enabled=true",
		"soc2ops.alerting.delivery.per-route-interval=0s", "soc2ops.public-url=https://soc2ops.example.com" })
@AutoConfigureMockMvc
@Import({ MovableClock.Configuration.class, ReviewContext.Routes.class })
@interface ReviewContext {

	String ROUTE = "access-reviews";

	/** Started once for the shared context; every test reads what it received since. */
	SlackReceiver SLACK = SlackReceiver.start();

	/**
	 * The route and receiver of {@link AccessMessagesTests}, whose answers they change.
	 */
	String MESSAGES_ROUTE = "access-messages-test";

	SlackReceiver MESSAGES_SLACK = SlackReceiver.start();

	@TestConfiguration(proxyBeanMethods = false)
	class Routes {

		@Bean
		@Order(0)
		ApplicationRunner accessReviewRoute(AlertRoutes routes) {
			return args -> {
				routes.create(ROUTE, SLACK.webhookUrl(), true, Actor.system("test"));
				routes.create(MESSAGES_ROUTE, MESSAGES_SLACK.webhookUrl(), true, Actor.system("test"));
			};
		}

		@Bean
		AccessMessageTopic accessMessagesTestTopic() {
			return AccessMessagesTests.TOPIC;
		}

	}

}
