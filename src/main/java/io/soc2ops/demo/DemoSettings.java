package io.soc2ops.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the demo organisation on start (once: a database that already has
 * accounts is left alone)
 * @param location the demo data file
 * @param findingsLocation the demo's Security Hub findings (ASFF), with
 * {@code {{daysAgo:N}}} in place of timestamps so the demo is always current
 * @param findingsHistoryLocation earlier versions of the demo's findings, imported before
 * them (oldest first) so the demo has a history to show over time
 * @param inspectorFindingsLocation the demo's Amazon Inspector findings as Security Hub
 * holds them (ASFF, with {@code {{daysAgo:N}}} and {@code {{hoursAgo:N}}}), imported once
 * the vulnerability policy is in force
 * @param slackPort the loopback port of the demo's Slack receiver (0: any free port)
 */
@ConfigurationProperties("soc2ops.demo")
record DemoSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("classpath:demo/organisation.json") String location,
		@DefaultValue("classpath:demo/findings.json") String findingsLocation,
		@DefaultValue("classpath:demo/findings-history.json") String findingsHistoryLocation,
		@DefaultValue("classpath:demo/inspector-findings.json") String inspectorFindingsLocation,
		@DefaultValue("0") int slackPort) {

}
