package io.soc2ops.web;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * Query parameters typed into an address, read with a message naming the parameter when
 * they do not hold (a page shows it with a 400), rather than a bare "Bad Request".
 */
final class QueryParameters {

	private QueryParameters() {
	}

	/** A page number, from 1; blank is the first page. */
	static int page(String name, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return 1;
		}
		try {
			int page = Integer.parseInt(text.strip());
			if (page >= 1) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new IllegalArgumentException(name + ": must be a whole number from 1 but was '" + shown(text) + "'");
	}

	static VulnerabilitySeverity severity(String name, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(
					name + ": is required, one of " + Arrays.toString(VulnerabilitySeverity.values()));
		}
		try {
			return VulnerabilitySeverity.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					name + ": '" + shown(text) + "' is not one of " + Arrays.toString(VulnerabilitySeverity.values()),
					ex);
		}
	}

	/** What was typed, cut short: it is echoed back in the message. */
	static String shown(String text) {
		String stripped = text.strip();
		return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
	}

}
