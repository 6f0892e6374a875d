package io.soc2ops.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credential checks' limits ({@code soc2ops.access.credentials.*}), in days counted
 * back from the moment a credential report was generated. A value out of range stops
 * start-up naming the property.
 *
 * @param keyMaxAgeDays an active access key last rotated longer ago is old
 * @param unusedDays a password or active access key not used for longer is unused
 * @param rootUseDays the root user's sign-ins and key uses within this are reported
 */
@ConfigurationProperties(CredentialSettings.PREFIX)
record CredentialSettings(@DefaultValue("90") int keyMaxAgeDays, @DefaultValue("90") int unusedDays,
		@DefaultValue("90") int rootUseDays) {

	static final String PREFIX = "soc2ops.access.credentials";

	CredentialSettings {
		days("key-max-age-days", keyMaxAgeDays);
		days("unused-days", unusedDays);
		days("root-use-days", rootUseDays);
	}

	private static void days(String name, int days) {
		if (days < 1 || days > 3650) {
			throw new IllegalArgumentException(PREFIX + "." + name + ": must be 1-3650 days but was " + days);
		}
	}

}
