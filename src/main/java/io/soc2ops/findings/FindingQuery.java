package io.soc2ops.findings;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.soc2ops.catalog.CriterionId;

/**
 * What to show of the findings: every filter is optional and they all apply together.
 *
 * @param account AWS account ID (12 digits)
 * @param region AWS Region code, or {@code global}
 * @param product product name as stored ({@code Security Hub}, {@code GuardDuty})
 * @param control consolidated Security Hub control ID ({@code S3.8})
 * @param criterion a Trust Services Criterion: findings of the Security Hub controls
 * mapped to it
 * @param text words in the title or the resource ID, case-insensitive
 * @param page 1-based page number
 * @param size findings per page, 1 to {@value #MAX_SIZE}
 */
public record FindingQuery(@Nullable String account, @Nullable String region, @Nullable Severity severity,
		@Nullable String product, @Nullable String control, @Nullable CriterionId criterion, @Nullable Status status,
		@Nullable String text, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	/** Every finding, first page. */
	public static final FindingQuery ALL = new FindingQuery(null, null, null, null, null, null, null, null, 1,
			DEFAULT_SIZE);

	/** Where a finding stands. */
	public enum Status {

		/**
		 * Compliance FAILED, ACTIVE and not SUPPRESSED: what readiness counts as failing.
		 */
		FAILING,
		/** Compliance PASSED and ACTIVE. */
		PASSING,
		/** No longer applies (resource gone, check disabled). */
		ARCHIVED,
		/** By workflow status. */
		NEW, NOTIFIED, RESOLVED, SUPPRESSED;

		/** Parses {@code failing}, {@code FAILING}, ... naming the allowed values. */
		public static Status parse(String value) {
			try {
				return valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"status must be one of " + names(values()) + " but was '" + value.strip() + "'");
			}
		}

	}

	public FindingQuery {
		account = blankToNull(account);
		region = blankToNull(region);
		product = blankToNull(product);
		control = blankToNull(control);
		text = blankToNull(text);
		if (page < 1) {
			throw new IllegalArgumentException("page must be 1 or more but was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be 1-" + MAX_SIZE + " but was " + size);
		}
		if (text != null && text.length() > 200) {
			throw new IllegalArgumentException("q is at most 200 characters");
		}
	}

	/**
	 * A query from request parameters as typed; blank means no filter.
	 * @throws IllegalArgumentException naming the parameter that does not parse
	 */
	public static FindingQuery parse(@Nullable String account, @Nullable String region, @Nullable String severity,
			@Nullable String product, @Nullable String control, @Nullable String criterion, @Nullable String status,
			@Nullable String text, int page, int size) {
		Severity parsedSeverity = null;
		if (blankToNull(severity) != null) {
			try {
				parsedSeverity = Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"severity must be one of " + names(Severity.values()) + " but was '" + severity.strip() + "'");
			}
		}
		CriterionId parsedCriterion = null;
		if (blankToNull(criterion) != null) {
			parsedCriterion = CriterionId.of(criterion.strip().toUpperCase(Locale.ROOT));
		}
		return new FindingQuery(account, region, parsedSeverity, product, control, parsedCriterion,
				blankToNull(status) == null ? null : Status.parse(status), text, page, size);
	}

	/** True when no filter applies. */
	public boolean unfiltered() {
		return account == null && region == null && severity == null && product == null && control == null
				&& criterion == null && status == null && text == null;
	}

	public FindingQuery withPage(int page) {
		return new FindingQuery(account, region, severity, product, control, criterion, status, text, page, size);
	}

	int offset() {
		return (page - 1) * size;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList().toString();
	}

}
