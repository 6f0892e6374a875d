package io.soc2ops.findings;

import static io.soc2ops.findings.OcsfFields.integer;
import static io.soc2ops.findings.OcsfFields.object;
import static io.soc2ops.findings.OcsfFields.optionalText;
import static io.soc2ops.findings.OcsfFields.strings;
import static io.soc2ops.findings.OcsfFields.text;
import static io.soc2ops.findings.OcsfFields.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.soc2ops.catalog.Catalog;
import io.soc2ops.findings.AsffNormaliser.IllegalFinding;
import tools.jackson.databind.JsonNode;

/**
 * Turns one OCSF finding as the new Security Hub produces it (OCSF 1.6: Compliance
 * Finding 2003, Detection Finding 2004, Vulnerability Finding 2002; from
 * {@code GetFindingsV2} or a "Findings Imported V2" event) into the same {@link Finding}
 * an ASFF finding becomes. Errors name the field by its dotted path
 * ({@code finding_info.uid}).
 *
 * <p>
 * <b>Identity.</b> The key is {@code finding_info.uid} within
 * {@code metadata.product.uid}, with Security Hub's {@code ::productv2/} product ARN read
 * as the {@code ::product/} ARN the same product has in ASFF. Security Hub's API
 * identifies an OCSF finding by these two fields and its account
 * ({@code OcsfFindingIdentifier}); for a finding that exists in both hubs the uid is the
 * ASFF {@code Id} (a control finding's ARN,
 * {@code arn:aws:securityhub:us-east-2:123456789012:security-control/SQS.1/finding/...};
 * a GuardDuty or Inspector finding's ARN), and AWS's Automated Security Response solution
 * updates one finding in both hubs with {@code FindingInfoUid = Id} and the product ARN
 * rewritten between {@code product/} and {@code productv2/}. So the same finding arriving
 * as ASFF and as OCSF is one row, and one resource counts once in the posture.
 *
 * <p>
 * <b>Lifecycle.</b> OCSF has no RecordState. A finding is ARCHIVED when
 * {@code activity_id} is 3 (Close: Security Hub counts every other finding as active) or
 * {@code status_id} is 5 (Archived) or 6 (Deleted); otherwise ACTIVE. {@code status_id}
 * gives the workflow status: 1 New NEW, 2 In Progress NOTIFIED, 3 Suppressed SUPPRESSED,
 * 4 Resolved RESOLVED, 5 and 6 RESOLVED, 0 Unknown and 99 Other NEW. A passing control
 * finding is Resolved and stays ACTIVE, as its ASFF twin does, so that it counts as
 * passing.
 *
 * <p>
 * <b>Severity</b> from {@code severity_id}: 1-5 Informational to Critical, 6 Fatal
 * CRITICAL, 0 Unknown and 99 Other INFORMATIONAL. <b>Compliance</b> from
 * {@code compliance.status_id} (or its caption {@code compliance.status}): 1 Pass PASSED,
 * 2 Warning WARNING, 3 Fail FAILED, 0 and 99 NOT_AVAILABLE. <b>Control</b>:
 * {@code compliance.control} when it is a Security Hub control ID, else the control the
 * finding's ARN names, as for ASFF's {@code GeneratorId}. <b>Times</b>:
 * {@code finding_info.*_time_dt}, else the epoch milliseconds of {@code *_time};
 * {@code modified_time} is the version (Security Hub's own rule), falling back to
 * {@code time}. <b>Resources</b> keep OCSF's type names ({@code AWS::S3::Bucket}); the ID
 * is the ARN in {@code uid_alt} when there is one, else {@code uid}, else {@code name}.
 */
@Component
class OcsfNormaliser {

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	private static final Pattern SECURITY_HUB_PRODUCT_V2 = Pattern
		.compile("(arn:aws[a-z-]*:securityhub:[a-z0-9-]*::)productv2/(.+)");

	/**
	 * A Security Hub control finding's ARN, its generator between account and finding.
	 */
	private static final Pattern CONTROL_FINDING = Pattern
		.compile("arn:aws[a-z-]*:securityhub:[a-z0-9-]+:[0-9]{12}:(?:subscription/)?(.+)/finding/[^/]+");

	private static final Pattern SECURITY_HUB_CONTROL = Pattern.compile("[A-Za-z][A-Za-z0-9]*\\.[0-9]{1,3}");

	private static final int CLOSE = 3;

	private final SecurityControlIds controls;

	OcsfNormaliser(Catalog catalog) {
		this.controls = new SecurityControlIds(catalog);
	}

	Finding normalise(JsonNode ocsf, String raw) {
		if (!ocsf.isObject()) {
			throw new IllegalFinding("(finding)", "must be a JSON object");
		}
		var info = object(ocsf, "finding_info");
		var product = object(object(ocsf, "metadata"), "metadata.product");
		var key = new FindingKey(text(info, "finding_info.uid", 512),
				asffProductArn(text(product, "metadata.product.uid", 512)));
		String account = text(object(object(ocsf, "cloud"), "cloud.account"), "cloud.account.uid", 12);
		if (!ACCOUNT.matcher(account).matches()) {
			throw new IllegalFinding("cloud.account.uid", "must be 12 digits but was '" + account + "'");
		}
		var resources = resources(ocsf);
		Instant updatedAt = updatedAt(ocsf, info);
		Instant createdAt = time(info, "finding_info.created_time");
		String generatorId = generatorId(key, info);
		int statusId = statusId(ocsf);
		return new Finding(key, FindingFormat.OCSF, account, region(ocsf, key, resources), productName(product, key),
				generatorId, text(info, "finding_info.title", 1024), severity(ocsf),
				strings(info, "finding_info.types"), controlId(ocsf, generatorId), compliance(ocsf),
				recordState(ocsf, statusId), workflow(statusId), resources, time(info, "finding_info.first_seen_time"),
				time(info, "finding_info.last_seen_time"), createdAt == null ? updatedAt : createdAt, updatedAt, raw);
	}

	/** Security Hub's OCSF product ARN as the same product's ASFF {@code ProductArn}. */
	static String asffProductArn(String productUid) {
		Matcher v2 = SECURITY_HUB_PRODUCT_V2.matcher(productUid);
		return v2.matches() ? v2.group(1) + "product/" + v2.group(2) : productUid;
	}

	private static String generatorId(FindingKey key, JsonNode info) {
		Matcher control = CONTROL_FINDING.matcher(key.id());
		if (control.matches() && control.group(1).length() <= 512) {
			return control.group(1);
		}
		var analytic = info.get("analytic");
		if (analytic != null && analytic.isObject()) {
			String uid = optionalText(analytic, "finding_info.analytic.uid", 512);
			if (uid != null && !uid.isBlank()) {
				return uid;
			}
			String name = optionalText(analytic, "finding_info.analytic.name", 512);
			if (name != null && !name.isBlank()) {
				return name;
			}
		}
		return "";
	}

	private @Nullable String controlId(JsonNode ocsf, String generatorId) {
		var compliance = ocsf.get("compliance");
		if (compliance != null && compliance.isObject()) {
			String control = optionalText(compliance, "compliance.control", 64);
			if (control != null && SECURITY_HUB_CONTROL.matcher(control).matches()) {
				return control;
			}
		}
		return controls.fromGenerator(generatorId);
	}

	private static String region(JsonNode ocsf, FindingKey key, List<AffectedResource> resources) {
		return FindingRegion.of(optionalText(ocsf.path("cloud"), "cloud.region", 32), key, resources);
	}

	private static String productName(JsonNode product, FindingKey key) {
		String name = optionalText(product, "metadata.product.name", 128);
		if (name != null && !name.isBlank()) {
			return name;
		}
		String arn = key.productArn();
		String last = arn.substring(arn.lastIndexOf('/') + 1);
		return last.length() <= 128 ? last : last.substring(0, 128);
	}

	private static Severity severity(JsonNode ocsf) {
		var id = ocsf.get("severity_id");
		if (id == null || id.isNull()) {
			String caption = optionalText(ocsf, "severity", 16);
			if (caption == null) {
				throw new IllegalFinding("severity_id", "is required");
			}
			return switch (caption.toLowerCase(Locale.ROOT)) {
				case "informational", "unknown", "other" -> Severity.INFORMATIONAL;
				case "low" -> Severity.LOW;
				case "medium" -> Severity.MEDIUM;
				case "high" -> Severity.HIGH;
				case "critical", "fatal" -> Severity.CRITICAL;
				default -> throw new IllegalFinding("severity", "'" + caption
						+ "' is not one of Unknown, Informational, Low, Medium, High, Critical, Fatal, Other");
			};
		}
		return switch (integer(id, "severity_id")) {
			case 0, 1, 99 -> Severity.INFORMATIONAL;
			case 2 -> Severity.LOW;
			case 3 -> Severity.MEDIUM;
			case 4 -> Severity.HIGH;
			case 5, 6 -> Severity.CRITICAL;
			default -> throw new IllegalFinding("severity_id",
					"must be 0-6 or 99 (Unknown, Informational, Low, Medium, High, Critical, Fatal, Other) but was "
							+ id.asString());
		};
	}

	private static @Nullable ComplianceStatus compliance(JsonNode ocsf) {
		var compliance = ocsf.get("compliance");
		if (compliance == null || compliance.isNull()) {
			return null;
		}
		if (!compliance.isObject()) {
			throw new IllegalFinding("compliance", "must be an object but was " + AsffNormaliser.kind(compliance));
		}
		var id = compliance.get("status_id");
		if (id != null && !id.isNull()) {
			return switch (integer(id, "compliance.status_id")) {
				case 0, 99 -> ComplianceStatus.NOT_AVAILABLE;
				case 1 -> ComplianceStatus.PASSED;
				case 2 -> ComplianceStatus.WARNING;
				case 3 -> ComplianceStatus.FAILED;
				default -> throw new IllegalFinding("compliance.status_id",
						"must be 0-3 or 99 (Unknown, Pass, Warning, Fail, Other) but was " + id.asString());
			};
		}
		String caption = optionalText(compliance, "compliance.status", 16);
		if (caption == null) {
			return null;
		}
		return switch (caption.toLowerCase(Locale.ROOT)) {
			case "pass" -> ComplianceStatus.PASSED;
			case "warning" -> ComplianceStatus.WARNING;
			case "fail" -> ComplianceStatus.FAILED;
			case "unknown", "other" -> ComplianceStatus.NOT_AVAILABLE;
			default -> throw new IllegalFinding("compliance.status",
					"'" + caption + "' is not one of Unknown, Pass, Warning, Fail, Other");
		};
	}

	/** {@code status_id}, or 0 (Unknown) when absent. */
	private static int statusId(JsonNode ocsf) {
		var id = ocsf.get("status_id");
		if (id == null || id.isNull()) {
			return 0;
		}
		int status = integer(id, "status_id");
		if ((status < 0 || status > 6) && status != 99) {
			throw new IllegalFinding("status_id",
					"must be 0-6 or 99 (Unknown, New, In Progress, Suppressed, Resolved, Archived, Deleted, Other)"
							+ " but was " + status);
		}
		return status;
	}

	private static RecordState recordState(JsonNode ocsf, int statusId) {
		var activity = ocsf.get("activity_id");
		boolean closed = activity != null && !activity.isNull() && integer(activity, "activity_id") == CLOSE;
		return closed || statusId == 5 || statusId == 6 ? RecordState.ARCHIVED : RecordState.ACTIVE;
	}

	private static WorkflowStatus workflow(int statusId) {
		return switch (statusId) {
			case 2 -> WorkflowStatus.NOTIFIED;
			case 3 -> WorkflowStatus.SUPPRESSED;
			case 4, 5, 6 -> WorkflowStatus.RESOLVED;
			default -> WorkflowStatus.NEW;
		};
	}

	private static List<AffectedResource> resources(JsonNode ocsf) {
		var value = ocsf.get("resources");
		if (value == null || !value.isArray() || value.isEmpty()) {
			throw new IllegalFinding("resources", "must be an array with at least one resource");
		}
		var result = new ArrayList<AffectedResource>();
		int index = 0;
		for (var resource : value) {
			String path = "resources[" + index + "]";
			if (!resource.isObject()) {
				throw new IllegalFinding(path, "must be an object but was " + AsffNormaliser.kind(resource));
			}
			result.add(new AffectedResource(text(resource, path + ".type", 256), resourceId(resource, path),
					optionalText(resource, path + ".region", 32)));
			index++;
		}
		return result;
	}

	private static String resourceId(JsonNode resource, String path) {
		String arn = optionalText(resource, path + ".uid_alt", 1024);
		if (arn != null && arn.startsWith("arn:")) {
			return arn;
		}
		String uid = optionalText(resource, path + ".uid", 1024);
		if (uid != null && !uid.isBlank()) {
			return uid;
		}
		if (arn != null && !arn.isBlank()) {
			return arn;
		}
		String name = optionalText(resource, path + ".name", 1024);
		if (name != null && !name.isBlank()) {
			return name;
		}
		throw new IllegalFinding(path + ".uid", "is required (or uid_alt or name)");
	}

	private static Instant updatedAt(JsonNode ocsf, JsonNode info) {
		Instant modified = time(info, "finding_info.modified_time");
		if (modified != null) {
			return modified;
		}
		Instant time = time(ocsf, "time");
		if (time == null) {
			throw new IllegalFinding("finding_info.modified_time_dt", "is required (or modified_time, or time)");
		}
		return time;
	}

}
