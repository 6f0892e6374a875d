package io.soc2ops.alerting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links to an alert's finding in the AWS console: the Security Hub findings page searched
 * for its {@code Id} (the search is encoded twice, as the console writes it), and for
 * GuardDuty the finding in GuardDuty's own console, as GuardDuty's {@code SourceUrl}
 * gives it.
 */
final class ConsoleLinks {

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

	private static final Pattern GUARDDUTY_FINDING = Pattern
		.compile("arn:aws[a-z-]*:guardduty:([a-z0-9-]+):[0-9]{12}:detector/[A-Za-z0-9]+/finding/([A-Za-z0-9]+)");

	private static final String SEARCH_ID = "#/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253A";

	private ConsoleLinks() {
	}

	static Optional<String> securityHub(Alert alert) {
		if (alert.findingId().isBlank() || !REGION.matcher(alert.region()).matches()) {
			return Optional.empty();
		}
		return Optional.of(console(alert.region()) + "/securityhub/home?region=" + alert.region() + SEARCH_ID
				+ encoded(encoded(alert.findingId())));
	}

	static Optional<String> guardDuty(Alert alert) {
		var arn = GUARDDUTY_FINDING.matcher(alert.findingId());
		if (!"GuardDuty".equalsIgnoreCase(alert.productName()) || !arn.matches()
				|| !REGION.matcher(arn.group(1)).matches()) {
			return Optional.empty();
		}
		String region = arn.group(1);
		return Optional
			.of(console(region) + "/guardduty/home?region=" + region + "#/findings?macros=current&fId=" + arn.group(2));
	}

	private static String console(String region) {
		if (region.startsWith("cn-")) {
			return "https://" + region + ".console.amazonaws.cn";
		}
		if (region.startsWith("us-gov-")) {
			return "https://console.amazonaws-us-gov.com";
		}
		return "https://" + region + ".console.aws.amazon.com";
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
