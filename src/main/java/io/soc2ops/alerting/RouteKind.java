package io.soc2ops.alerting;

/** How a route delivers: so far, only to a Slack incoming webhook. */
public enum RouteKind {

	SLACK_WEBHOOK

}
