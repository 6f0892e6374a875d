package io.soc2ops.alerting;

/**
 * The routes alerts go to, as the delivery outbox sees them: it hands over one Slack
 * message and learns whether to consider it delivered, try again later or stop trying.
 * The route's secret (its webhook URL) never leaves the implementation.
 */
interface RouteDirectory {

	/**
	 * Posts one message to the named route.
	 * @param payloadJson a Slack message payload (Block Kit JSON)
	 */
	PostOutcome post(String routeName, String payloadJson);

}
