package io.soc2ops.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Trust Services Criteria identifier such as {@code CC6.1}, {@code A1.2} or
 * {@code P4.3}.
 */
public record CriterionId(String value) implements Comparable<CriterionId> {

	private static final Pattern FORMAT = Pattern.compile("(CC[1-9]|A1|C1|PI1|P[1-8])\\.([1-9])");

	/**
	 * The order criteria are shown in: common criteria, then the additional categories.
	 */
	static final List<String> GROUP_ORDER = List.of("CC1", "CC2", "CC3", "CC4", "CC5", "CC6", "CC7", "CC8", "CC9", "A1",
			"C1", "PI1", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8");

	private static final Comparator<CriterionId> ORDER = Comparator
		.comparingInt((CriterionId id) -> GROUP_ORDER.indexOf(id.group()))
		.thenComparingInt(id -> Integer.parseInt(id.value.substring(id.value.indexOf('.') + 1)));

	public CriterionId {
		if (!FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"'" + value + "' is not a Trust Services Criteria ID (like CC6.1 or A1.2)");
		}
	}

	public static CriterionId of(String value) {
		return new CriterionId(value);
	}

	public String group() {
		Matcher matcher = FORMAT.matcher(value);
		matcher.matches();
		return matcher.group(1);
	}

	@Override
	public int compareTo(CriterionId other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return value;
	}

}
