package io.soc2ops.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One user line of a credential report: the values as AWS wrote them ({@code values}, in
 * {@link #COLUMNS} order) and what they mean.
 *
 * @param line the line of the file it came from (the header is line 1)
 * @param passwordEnabled empty for the root user ({@code not_supported})
 * @param passwordLastUsed empty when never used, unknown ({@code no_information}) or
 * without a password ({@code N/A})
 */
record CredentialUser(int line, List<String> values, String user, String arn, Instant createdAt,
		Optional<Boolean> passwordEnabled, Optional<Instant> passwordLastUsed, boolean mfaActive,
		List<AccessKey> keys) {

	/** The columns of a credential report, in AWS's order. */
	static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
			"password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
			"access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
			"access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
			"access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
			"access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
			"cert_2_last_rotated");

	/** How the report names the account's root user. */
	static final String ROOT = "<root_account>";

	static final String NOT_APPLICABLE = "N/A";

	static final String NO_INFORMATION = "no_information";

	static final String NOT_SUPPORTED = "not_supported";

	private static final Pattern USER = Pattern.compile("[\\w+=,.@-]{1,64}");

	private static final Pattern USER_ARN = Pattern
		.compile("arn:aws[a-z-]*:iam::([0-9]{12}):user/(?:[\\x21-\\x7E]*/)?([^/]+)");

	private static final Pattern ROOT_ARN = Pattern.compile("arn:aws[a-z-]*:iam::([0-9]{12}):root");

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,64}");

	private static final Pattern SERVICE = Pattern.compile("[a-z0-9.-]{1,128}");

	/** An access key's state. */
	record AccessKey(int number, boolean active, Optional<Instant> lastRotated, Optional<Instant> lastUsed) {
	}

	CredentialUser {
		values = List.copyOf(values);
		keys = List.copyOf(keys);
	}

	boolean root() {
		return ROOT.equals(user);
	}

	/** Whether this user holds access soc2ops tracks: a password or an active key. */
	boolean holdsAccess() {
		return !root() && (passwordEnabled.orElse(false) || keys.stream().anyMatch(AccessKey::active));
	}

	/**
	 * Reads a line's values, refusing one that does not hold naming the line and column.
	 */
	static CredentialUser of(int line, List<String> values, String accountId) {
		var reader = new Reader(line, values);
		String user = reader.text(0);
		boolean root = ROOT.equals(user);
		if (!root && !USER.matcher(user).matches()) {
			throw reader.refused(0, "is not an IAM user name (1-64 letters, digits or +=,.@_-)");
		}
		String arn = reader.text(1);
		var matcher = (root ? ROOT_ARN : USER_ARN).matcher(arn);
		if (!matcher.matches()) {
			throw reader.refused(1, root ? "is not the root user's ARN (arn:aws:iam::ACCOUNT:root)"
					: "is not an IAM user's ARN (arn:aws:iam::ACCOUNT:user/NAME)");
		}
		if (!matcher.group(1).equals(accountId)) {
			throw reader.refused(1, "is in account " + matcher.group(1) + ", not " + accountId);
		}
		if (!root && !matcher.group(2).equals(user)) {
			throw reader.refused(1, "names user " + matcher.group(2) + ", not " + user);
		}
		Instant created = reader.time(2).orElseThrow();
		Optional<Boolean> password = root ? reader.word(3, NOT_SUPPORTED) : Optional.of(reader.bool(3));
		Optional<Instant> lastUsed = reader.time(4, NO_INFORMATION, NOT_APPLICABLE);
		reader.time(5, NOT_APPLICABLE, NOT_SUPPORTED);
		reader.time(6, NOT_APPLICABLE, NOT_SUPPORTED);
		boolean mfa = reader.bool(7);
		var keys = List.of(key(reader, 1, 8), key(reader, 2, 13));
		reader.bool(18);
		reader.time(19, NOT_APPLICABLE);
		reader.bool(20);
		reader.time(21, NOT_APPLICABLE);
		return new CredentialUser(line, values, user, arn, created, password, lastUsed, mfa, keys);
	}

	/**
	 * The first time of the line that lies after {@code limit} (a report cannot hold a
	 * use or change after it was generated), named by column; the next rotation excepted.
	 */
	Optional<String> timeAfter(Instant limit) {
		for (int column : List.of(2, 4, 5, 9, 10, 14, 15, 19, 21)) {
			String value = values.get(column);
			try {
				if (OffsetDateTime.parse(value).toInstant().isAfter(limit)) {
					return Optional.of("line " + line + ", column " + COLUMNS.get(column) + ": '" + value
							+ "' is after the report was generated (" + limit + ")");
				}
			}
			catch (DateTimeParseException ex) {
				// one of the words AWS writes when there is no time
			}
		}
		return Optional.empty();
	}

	private static AccessKey key(Reader reader, int number, int first) {
		boolean active = reader.bool(first);
		var rotated = reader.time(first + 1, NOT_APPLICABLE);
		var used = reader.time(first + 2, NOT_APPLICABLE);
		reader.name(first + 3, REGION);
		reader.name(first + 4, SERVICE);
		return new AccessKey(number, active, rotated, used);
	}

	/** Reads the values of one line, naming the line and column of one that is wrong. */
	private record Reader(int line, List<String> values) {

		String text(int column) {
			String value = values.get(column);
			if (value.isEmpty()) {
				throw refused(column, "is empty");
			}
			return value;
		}

		boolean bool(int column) {
			String value = values.get(column).toLowerCase(Locale.ROOT);
			return switch (value) {
				case "true" -> true;
				case "false" -> false;
				default -> throw refused(column, "must be true or false");
			};
		}

		/** A value that must be the one word given; always empty. */
		Optional<Boolean> word(int column, String word) {
			if (!values.get(column).equals(word)) {
				throw refused(column, "must be " + word + " for the root user");
			}
			return Optional.empty();
		}

		/** A time, or one of the words AWS writes when there is none. */
		Optional<Instant> time(int column, String... words) {
			String value = values.get(column);
			if (Set.of(words).contains(value)) {
				return Optional.empty();
			}
			try {
				return Optional.of(OffsetDateTime.parse(value).toInstant());
			}
			catch (DateTimeParseException ex) {
				throw refused(column, "must be an ISO 8601 time such as 2026-09-01T10:00:00+00:00"
						+ (words.length == 0 ? "" : " or " + String.join(" or ", words)));
			}
		}

		void name(int column, Pattern pattern) {
			String value = values.get(column);
			if (!value.equals(NOT_APPLICABLE) && !pattern.matcher(value).matches()) {
				throw refused(column, "must be N/A or a name such as " + (pattern == REGION ? "ap-northeast-1" : "s3")
						+ " (letters, digits and -)");
			}
		}

		AccessRefused refused(int column, String why) {
			String value = values.get(column);
			String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
			return AccessRefused.invalid("line " + line + ", column " + COLUMNS.get(column) + ": '"
					+ shown.replaceAll("\\p{Cntrl}", "?") + "' " + why);
		}

	}

}
