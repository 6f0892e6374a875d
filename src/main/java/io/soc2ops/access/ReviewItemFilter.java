package io.soc2ops.access;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which items of a campaign to show; every part optional.
 *
 * @param reviewer a soc2ops username, or {@link #UNASSIGNED}
 * @param text words in the person, principal or entitlement, case-insensitive
 */
public record ReviewItemFilter(@Nullable String reviewer, @Nullable String account, @Nullable Status status,
		@Nullable String text) {

	public static final String UNASSIGNED = "-";

	public static final ReviewItemFilter ALL = new ReviewItemFilter(null, null, null, null);

	/** Whether the item waits for a decision, or which one it got. */
	public enum Status {

		OPEN, KEPT, REVOKED;

		public static Status parse(String text) {
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"status: '" + ReviewScope.shown(text) + "' is not one of open, kept, revoked", ex);
			}
		}

	}

	public ReviewItemFilter {
		reviewer = blankToNull(reviewer);
		account = blankToNull(account);
		text = blankToNull(text);
		if (text != null && text.length() > 200) {
			throw new IllegalArgumentException("q: at most 200 characters");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
