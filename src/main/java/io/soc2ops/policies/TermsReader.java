package io.soc2ops.policies;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a policy document into {@link VulnerabilityPolicyTerms}, whatever
 * format the document came in. Every refusal names the field: an unknown one, a missing
 * one, or one whose value is not what the format documents.
 */
final class TermsReader {

	static final String KIND = "vulnerability-management";

	static final List<String> FIELDS = List.of("policy", "effectiveFrom", "sla", "scope", "notes");

	static final List<String> SCOPE_FIELDS = List.of("accounts", "resourceTypes");

	static final String NONE = "none";

	private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]{1,9}");

	private static final String DAYS_RULE = "must be a whole number of days from 1 to "
			+ VulnerabilityPolicyTerms.MAX_DAYS + ", or none";

	private TermsReader() {
	}

	static VulnerabilityPolicyTerms read(DocumentTree document) {
		try {
			return read(document.root());
		}
		catch (PolicyRefused ex) {
			throw document.located(ex);
		}
	}

	private static VulnerabilityPolicyTerms read(Object root) {
		var fields = mapping(root, "", "a mapping with the fields " + String.join(", ", FIELDS));
		known(fields, "", FIELDS);
		if (fields.containsKey("policy") && !KIND.equals(text(fields.get("policy"), "policy"))) {
			throw PolicyRefused.invalid("policy", "must be " + KIND + " (or left out); was '"
					+ VulnerabilityPolicyTerms.shown(text(fields.get("policy"), "policy")) + "'");
		}
		LocalDate effectiveFrom = day(required(fields, "effectiveFrom"));
		var sla = sla(required(fields, "sla"));
		Object scopeValue = fields.get("scope");
		Map<String, Object> scope = scopeValue == null || scopeValue instanceof Scalar empty && empty.isNull()
				? Map.of() : mapping(scopeValue, "scope",
						"a mapping with accounts and resourceTypes (each a list; empty or left out: every one)");
		known(scope, "scope", SCOPE_FIELDS);
		var accounts = items(scope.get("accounts"), "scope.accounts");
		var resourceTypes = items(scope.get("resourceTypes"), "scope.resourceTypes");
		Object notes = fields.get("notes");
		String noteText = notes == null || notes instanceof Scalar scalar && scalar.isNull() ? ""
				: text(notes, "notes");
		return new VulnerabilityPolicyTerms(effectiveFrom, sla, accounts, resourceTypes, noteText);
	}

	private static LocalDate day(Object value) {
		String text = text(value, "effectiveFrom");
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw PolicyRefused.invalid("effectiveFrom",
					"must be a day written YYYY-MM-DD; was '" + VulnerabilityPolicyTerms.shown(text) + "'");
		}
	}

	private static Map<VulnerabilitySeverity, Integer> sla(Object value) {
		var given = mapping(value, "sla", "a mapping from each severity to its days, e.g. HIGH: 7");
		var days = new EnumMap<VulnerabilitySeverity, Integer>(VulnerabilitySeverity.class);
		var named = EnumSet.noneOf(VulnerabilitySeverity.class);
		for (var entry : given.entrySet()) {
			var severity = severity(entry.getKey());
			named.add(severity);
			Integer fixIn = days("sla." + entry.getKey(), entry.getValue());
			if (fixIn != null) {
				days.put(severity, fixIn);
			}
		}
		for (var severity : VulnerabilitySeverity.values()) {
			if (!named.contains(severity)) {
				throw PolicyRefused.invalid("sla." + severity,
						"missing; every severity needs its days or none (" + severities() + ")");
			}
		}
		return days;
	}

	private static VulnerabilitySeverity severity(String name) {
		try {
			return VulnerabilitySeverity.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw PolicyRefused.invalid("sla." + VulnerabilityPolicyTerms.shown(name),
					"unknown severity; the severities are " + severities());
		}
	}

	/** The days a value says, or null for {@code none}. */
	private static @Nullable Integer days(String field, Object value) {
		if (!(value instanceof Scalar scalar) || scalar.kind() == Scalar.Kind.BOOLEAN) {
			throw PolicyRefused.invalid(field, DAYS_RULE + "; was " + describe(value));
		}
		if (scalar.isNull()) {
			throw PolicyRefused.invalid(field, "missing; " + DAYS_RULE);
		}
		String text = scalar.text().strip();
		if (scalar.kind() == Scalar.Kind.STRING && NONE.equals(text)) {
			return null;
		}
		if (!WHOLE.matcher(text).matches()) {
			throw PolicyRefused.invalid(field, DAYS_RULE + "; was " + describe(value));
		}
		int days = Integer.parseInt(text);
		if (days < 1 || days > VulnerabilityPolicyTerms.MAX_DAYS) {
			throw PolicyRefused.invalid(field, DAYS_RULE + "; was " + days);
		}
		return days;
	}

	private static Set<String> items(@Nullable Object value, String field) {
		if (value == null || value instanceof Scalar scalar && scalar.isNull()) {
			return Set.of();
		}
		if (!(value instanceof List<?> list)) {
			throw PolicyRefused.invalid(field, "must be a list; was " + describe(value));
		}
		if (list.size() > VulnerabilityPolicyTerms.MAX_SCOPE) {
			throw PolicyRefused.invalid(field,
					"at most " + VulnerabilityPolicyTerms.MAX_SCOPE + " entries; there are " + list.size());
		}
		var items = new LinkedHashSet<String>();
		boolean accounts = field.endsWith("accounts");
		for (int i = 0; i < list.size(); i++) {
			String at = field + "[" + i + "]";
			String item = text(list.get(i), at).strip();
			if (accounts) {
				VulnerabilityPolicyTerms.checkAccount(at, item);
			}
			else {
				VulnerabilityPolicyTerms.checkResourceType(at, item);
			}
			if (!items.add(item)) {
				throw PolicyRefused.invalid(at, "'" + VulnerabilityPolicyTerms.shown(item) + "' is listed twice");
			}
		}
		return items;
	}

	private static Object required(Map<String, Object> fields, String name) {
		Object value = fields.get(name);
		if (value == null || value instanceof Scalar scalar && scalar.isNull()) {
			throw PolicyRefused.invalid(name, "missing; it is required");
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mapping(@Nullable Object value, String field, String expected) {
		if (!(value instanceof Map<?, ?> map)) {
			throw PolicyRefused.invalid(field, "must be " + expected + "; was " + describe(value));
		}
		return (Map<String, Object>) map;
	}

	private static void known(Map<String, ?> fields, String parent, List<String> names) {
		for (String name : fields.keySet()) {
			if (!names.contains(name)) {
				String field = parent.isEmpty() ? name : parent + "." + name;
				throw PolicyRefused.invalid(VulnerabilityPolicyTerms.shown(field), "unknown field; the fields"
						+ (parent.isEmpty() ? "" : " of " + parent) + " are " + String.join(", ", names));
			}
		}
	}

	private static String text(@Nullable Object value, String field) {
		if (!(value instanceof Scalar scalar) || scalar.isNull()) {
			throw PolicyRefused.invalid(field, "must be a single value; was " + describe(value));
		}
		return scalar.text();
	}

	private static String describe(@Nullable Object value) {
		return switch (value) {
			case null -> "nothing";
			case Map<?, ?> map -> "a mapping";
			case List<?> list -> "a list";
			case Scalar scalar when scalar.isNull() -> "empty";
			case Scalar scalar -> "'" + VulnerabilityPolicyTerms.shown(scalar.text()) + "'";
			default -> "something else";
		};
	}

	private static String severities() {
		return String.join(", ", Arrays.stream(VulnerabilitySeverity.values()).map(Enum::name).toList());
	}

}
