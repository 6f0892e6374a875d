package io.soc2ops.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.soc2ops.MovableClock;

/**
 * The one application context the access request tests share (services, pages and
 * revocation): a movable clock, MockMvc, and the approvers' route to a local Slack
 * receiver ({@link AccessRequestTestSupport}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(properties = { "soc2ops.test.context=access-requests",
		"soc2ops.access.requests.route=" + AccessRequestTestSupport.ROUTE, "soc2ops.alerting.delivery.enabled=true",
		"soc2ops.alerting.delivery.per-route-interval=0s", "soc2ops.public-url=https://soc2ops.example.com" })
@AutoConfigureMockMvc
@Import({ MovableClock.Configuration.class, AccessRequestTestSupport.Routes.class })
public @interface AccessRequestContext {

}
