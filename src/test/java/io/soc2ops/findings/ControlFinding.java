package io.soc2ops.findings;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A Security Hub control finding in ASFF (consolidated control findings, as Security Hub
 * writes them), one resource each: the versions tests import to move a control from
 * failing to passing over days.
 */
public record ControlFinding(String control, String account, String region, String resource, String compliance,
		String workflow, String recordState, String updatedAt) {

	public static ControlFinding of(String control, String account, String region, String resource) {
		return new ControlFinding(control, account, region, resource, "FAILED", "NEW", "ACTIVE",
				"2026-09-01T00:00:00.000Z");
	}

	public ControlFinding failed() {
		return new ControlFinding(control, account, region, resource, "FAILED", workflow, recordState, updatedAt);
	}

	public ControlFinding passed() {
		return new ControlFinding(control, account, region, resource, "PASSED", workflow, recordState, updatedAt);
	}

	public ControlFinding workflow(String status) {
		return new ControlFinding(control, account, region, resource, compliance, status, recordState, updatedAt);
	}

	public ControlFinding archived() {
		return new ControlFinding(control, account, region, resource, compliance, workflow, "ARCHIVED", updatedAt);
	}

	public ControlFinding updatedAt(String instant) {
		return new ControlFinding(control, account, region, resource, compliance, workflow, recordState, instant);
	}

	public static String batch(ControlFinding... findings) {
		return List.of(findings).stream().map(ControlFinding::json).collect(Collectors.joining(",", "[", "]"));
	}

	/** The digest soc2ops keys the finding by. */
	public String key() {
		return new FindingKey(id(), "arn:aws:securityhub:" + region + "::product/aws/securityhub").digest();
	}

	private String id() {
		String uuid = UUID.nameUUIDFromBytes((control + account + region + resource).getBytes()).toString();
		return "arn:aws:securityhub:" + region + ":" + account + ":security-control/" + control + "/finding/" + uuid;
	}

	public String json() {
		return """
				{
				  "SchemaVersion": "2018-10-08",
				  "Id": "%4$s",
				  "ProductArn": "arn:aws:securityhub:%2$s::product/aws/securityhub",
				  "ProductName": "Security Hub",
				  "CompanyName": "AWS",
				  "Region": "%2$s",
				  "GeneratorId": "security-control/%3$s",
				  "AwsAccountId": "%1$s",
				  "Types": ["Software and Configuration Checks/Industry and Regulatory Standards"],
				  "CreatedAt": "2026-08-01T00:00:00.000Z",
				  "UpdatedAt": "%5$s",
				  "Severity": {"Label": "HIGH", "Original": "HIGH"},
				  "Title": "%3$s",
				  "Description": "This control checks the resource's configuration.",
				  "Resources": [{"Type": "AwsS3Bucket", "Id": "%6$s", "Partition": "aws", "Region": "%2$s"}],
				  "Compliance": {"Status": "%7$s", "SecurityControlId": "%3$s"},
				  "Workflow": {"Status": "%8$s"},
				  "RecordState": "%9$s"
				}""".formatted(account, region, control, id(), updatedAt, resource, compliance, workflow, recordState);
	}

}
