package io.soc2ops.aws;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Amazon Inspector's findings read straight from its API
 * ({@code soc2ops.aws.inspector.*}), in the same collection as Security Hub's, in every
 * account and Region in scope. On by default once AWS is enabled; it needs
 * {@code inspector2:BatchGetAccountStatus} and {@code inspector2:ListFindings}
 * (soc2ops-readonly-policy.json).
 *
 * @param enabled whether a collection reads Inspector's findings
 * @param pageSize findings per {@code ListFindings} page (AWS allows 1-100)
 */
@ConfigurationProperties("soc2ops.aws.inspector")
record InspectorSettings(@DefaultValue("true") boolean enabled, @DefaultValue("100") int pageSize) {

	InspectorSettings {
		if (pageSize < 1 || pageSize > 100) {
			throw new IllegalArgumentException("soc2ops.aws.inspector.page-size: must be 1-100 but was " + pageSize);
		}
	}

}
