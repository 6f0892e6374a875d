package io.soc2ops.findings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.soc2ops.catalog.Catalog;
import tools.jackson.databind.JsonNode;

/**
 * Turns one ASFF finding (as AWS documents it, as {@code GetFindings} returns it, or as
 * an EventBridge event carries it) into a {@link Finding}. Lenient where the format
 * allows (older findings lack {@code ProductName} or
 * {@code Compliance.SecurityControlId}), strict where a finding would be meaningless,
 * with the field named.
 */
@Component
class AsffNormaliser {

	/**
	 * The largest finding Security Hub accepts (BatchImportFindings), so the largest we
	 * do.
	 */
	static final int MAX_FINDING_BYTES = 240 * 1024;

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	/**
	 * The timestamp formats the Security Hub API documents: {@code Z} or an offset of
	 * {@code +HH}, {@code +HH:MM} or {@code +HHMM}, and up to nine fractional digits.
	 */
	static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.parseLenient()
		.appendOffset("+HH", "Z")
		.toFormatter(Locale.ROOT);

	private final SecurityControlIds controls;

	AsffNormaliser(Catalog catalog) {
		this.controls = new SecurityControlIds(catalog);
	}

	Finding normalise(JsonNode asff, String raw) {
		if (!asff.isObject()) {
			throw new IllegalFinding("(finding)", "must be a JSON object");
		}
		var key = new FindingKey(string(asff, "Id", 512), string(asff, "ProductArn", 512));
		String account = string(asff, "AwsAccountId", 12);
		if (!ACCOUNT.matcher(account).matches()) {
			throw new IllegalFinding("AwsAccountId", "must be 12 digits but was '" + account + "'");
		}
		var resources = resources(asff);
		Instant updatedAt = time(asff, "UpdatedAt", true);
		Instant createdAt = time(asff, "CreatedAt", false);
		String generatorId = optionalString(asff, "GeneratorId", 512);
		var finding = new Finding(key, FindingFormat.ASFF, account, region(asff, key, resources),
				productName(asff, key), generatorId == null ? "" : generatorId, string(asff, "Title", 1024),
				severity(asff), strings(asff, "Types"), controlId(asff, generatorId), compliance(asff),
				recordState(asff), workflow(asff), resources, time(asff, "FirstObservedAt", false),
				time(asff, "LastObservedAt", false), createdAt == null ? updatedAt : createdAt, updatedAt, raw);
		// after the fields, so that an oversized field is named; in UTF-8 bytes, as AWS
		// counts (a char is at most 3 bytes, so a short finding needs no encoding)
		int bytes = raw.length() <= MAX_FINDING_BYTES / 3 ? raw.length() : raw.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_FINDING_BYTES) {
			throw new IllegalFinding("(finding)",
					"is " + bytes / 1024 + " KB; a finding may be at most " + MAX_FINDING_BYTES / 1024 + " KB");
		}
		return finding;
	}

	private static String string(JsonNode node, String field, int max) {
		String value = optionalString(node, field, max);
		if (value == null || value.isBlank()) {
			throw new IllegalFinding(field, "is required");
		}
		return value;
	}

	private static @Nullable String optionalString(JsonNode node, String field, int max) {
		var value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalFinding(field, "must be a string but was " + kind(value));
		}
		String text = value.asString();
		if (text.length() > max) {
			throw new IllegalFinding(field, "is " + text.length() + " characters; at most " + max + " are allowed");
		}
		if (text.indexOf('\0') >= 0) {
			throw new IllegalFinding(field, "holds a NUL character (\\u0000), which cannot be stored");
		}
		return text;
	}

	private static @Nullable Instant time(JsonNode node, String field, boolean required) {
		String value = required ? string(node, field, 64) : optionalString(node, field, 64);
		if (value == null) {
			return null;
		}
		var fast = FastTimestamp.parse(value);
		if (fast != null) {
			return fast;
		}
		try {
			// microseconds: what both databases keep, so a stored version compares equal
			// to the same version read again
			return OffsetDateTime.parse(value, TIMESTAMP).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalFinding(field,
					"must be an ISO 8601 timestamp like 2026-11-28T10:15:30.000Z but was '" + value + "'");
		}
	}

	private static List<String> strings(JsonNode node, String field) {
		var value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new IllegalFinding(field, "must be an array of strings but was " + kind(value));
		}
		var result = new ArrayList<String>();
		int index = 0;
		for (var element : value) {
			if (!element.isString()) {
				throw new IllegalFinding(field + "[" + index + "]", "must be a string but was " + kind(element));
			}
			result.add(element.asString());
			index++;
		}
		return result;
	}

	private static List<AffectedResource> resources(JsonNode asff) {
		var value = asff.get("Resources");
		if (value == null || !value.isArray() || value.isEmpty()) {
			throw new IllegalFinding("Resources", "must be an array with at least one resource");
		}
		var result = new ArrayList<AffectedResource>();
		int index = 0;
		for (var resource : value) {
			String prefix = "Resources[" + index + "].";
			if (!resource.isObject()) {
				throw new IllegalFinding("Resources[" + index + "]", "must be an object but was " + kind(resource));
			}
			try {
				result.add(new AffectedResource(string(resource, "Type", 256), string(resource, "Id", 1024),
						optionalString(resource, "Region", 32)));
			}
			catch (IllegalFinding ex) {
				throw new IllegalFinding(prefix + ex.field(), ex.problem());
			}
			index++;
		}
		return result;
	}

	private static String region(JsonNode asff, FindingKey key, List<AffectedResource> resources) {
		return FindingRegion.of(optionalString(asff, "Region", 32), key, resources);
	}

	private static String productName(JsonNode asff, FindingKey key) {
		String name = optionalString(asff, "ProductName", 128);
		if (name != null && !name.isBlank()) {
			return name;
		}
		String arn = key.productArn();
		String product = arn.substring(arn.lastIndexOf('/') + 1);
		return switch (product) {
			case "securityhub" -> "Security Hub";
			case "guardduty" -> "GuardDuty";
			case "inspector" -> "Inspector";
			case "macie" -> "Macie";
			case "access-analyzer" -> "IAM Access Analyzer";
			case "config" -> "Config";
			default -> product;
		};
	}

	private static Severity severity(JsonNode asff) {
		var severity = asff.get("Severity");
		if (severity == null || !severity.isObject()) {
			throw new IllegalFinding("Severity", "is required (an object with Label or Normalized)");
		}
		String label = optionalString(severity, "Label", 16);
		if (label != null) {
			return enumValue(Severity.class, "Severity.Label", label);
		}
		var normalized = severity.get("Normalized");
		if (normalized == null || !normalized.isIntegralNumber()) {
			throw new IllegalFinding("Severity", "needs Label or an integer Normalized");
		}
		try {
			return Severity.ofNormalized(normalized.asInt());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalFinding("Severity.Normalized", ex.getMessage());
		}
	}

	private static @Nullable ComplianceStatus compliance(JsonNode asff) {
		var compliance = asff.get("Compliance");
		if (compliance == null || compliance.isNull()) {
			return null;
		}
		String status = optionalString(compliance, "Status", 32);
		return status == null ? null : enumValue(ComplianceStatus.class, "Compliance.Status", status);
	}

	private static RecordState recordState(JsonNode asff) {
		String state = optionalString(asff, "RecordState", 16);
		return state == null ? RecordState.ACTIVE : enumValue(RecordState.class, "RecordState", state);
	}

	private static WorkflowStatus workflow(JsonNode asff) {
		var workflow = asff.get("Workflow");
		String status = workflow != null && workflow.isObject() ? optionalString(workflow, "Status", 16) : null;
		if (status == null) {
			// WorkflowState is the field's older, deprecated name
			status = optionalString(asff, "WorkflowState", 32);
			if (status != null && !status.equals("NEW")) {
				status = switch (status) {
					case "ASSIGNED", "IN_PROGRESS" -> "NOTIFIED";
					case "DEFERRED" -> "SUPPRESSED";
					default -> status;
				};
			}
		}
		return status == null ? WorkflowStatus.NEW : enumValue(WorkflowStatus.class, "Workflow.Status", status);
	}

	private @Nullable String controlId(JsonNode asff, @Nullable String generatorId) {
		var compliance = asff.get("Compliance");
		if (compliance != null && compliance.isObject()) {
			String consolidated = optionalString(compliance, "SecurityControlId", 64);
			if (consolidated != null && !consolidated.isBlank()) {
				return consolidated;
			}
		}
		return generatorId == null ? null : controls.fromGenerator(generatorId);
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalFinding(field,
					"'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
		}
	}

	static String kind(JsonNode value) {
		return value.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	/** A field that does not hold; the parser adds which record it was. */
	static final class IllegalFinding extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String field;

		private final String problem;

		IllegalFinding(String field, String problem) {
			super(field + ": " + problem);
			this.field = field;
			this.problem = problem;
		}

		String field() {
			return field;
		}

		String problem() {
			return problem;
		}

	}

}
