package io.soc2ops.findings;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Region a finding belongs to, the same way for every format: the finding's own
 * Region, else its first resource's, else the one in its product ARN, else
 * {@code global}.
 */
final class FindingRegion {

	private static final Pattern ARN_REGION = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]*):.*");

	private FindingRegion() {
	}

	static String of(@Nullable String stated, FindingKey key, List<AffectedResource> resources) {
		if (stated != null && !stated.isBlank()) {
			return stated;
		}
		if (resources.getFirst().region() != null) {
			return resources.getFirst().region();
		}
		Matcher arn = ARN_REGION.matcher(key.productArn());
		return arn.matches() && !arn.group(1).isEmpty() ? arn.group(1) : "global";
	}

}
