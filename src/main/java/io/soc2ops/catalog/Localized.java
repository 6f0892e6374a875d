package io.soc2ops.catalog;

import java.util.Locale;

/**
 * A text in English and Japanese.
 */
public record Localized(String en, String ja) {

	public Localized {
		if (en.isBlank() || ja.isBlank()) {
			throw new IllegalArgumentException("text needs both English and Japanese");
		}
	}

	public String in(Locale locale) {
		return "ja".equals(locale.getLanguage()) ? ja : en;
	}

}
