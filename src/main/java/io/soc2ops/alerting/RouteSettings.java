package io.soc2ops.alerting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routes to Slack.
 *
 * @param localWebhooksAllowed also accept {@code http(s)://127.0.0.1} and
 * {@code localhost} webhook URLs (tests and the demo's local Slack receiver); off, only
 * {@code https://hooks.slack.com} and {@code https://hooks.slack-gov.com} are accepted
 * @param webhookConnectTimeout how long to wait for a connection to Slack
 * @param webhookReadTimeout how long to wait for Slack's answer
 */
@ConfigurationProperties("soc2ops.alerting")
record RouteSettings(@DefaultValue("false") boolean localWebhooksAllowed,
		@DefaultValue("5s") Duration webhookConnectTimeout, @DefaultValue("10s") Duration webhookReadTimeout) {

}
