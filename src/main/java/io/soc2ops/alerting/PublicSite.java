package io.soc2ops.alerting;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach this soc2ops ({@code soc2ops.public-url}), for the links Slack
 * messages carry back to it.
 *
 * @param publicUrl the address in front of soc2ops (load balancer, proxy), such as
 * {@code https://soc2ops.example.com}
 */
@ConfigurationProperties("soc2ops")
record PublicSite(@DefaultValue("http://localhost:8080") URI publicUrl) {

	PublicSite {
		String scheme = publicUrl.getScheme();
		if (publicUrl.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
			throw new IllegalArgumentException("soc2ops.public-url: '" + publicUrl
					+ "' is not an http(s) address like https://soc2ops.example.com");
		}
	}

	/** The address of a page, such as {@code /alerts/123}. */
	String link(String path) {
		String base = publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
