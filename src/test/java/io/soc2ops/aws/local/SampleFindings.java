package io.soc2ops.aws.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Security Hub control findings in ASFF as {@code GetFindings} returns them, shaped after
 * AWS's "Samples of control findings" (a consolidated FSBP finding for S3.8), varied by
 * account, Region, number and {@code UpdatedAt}; and the same findings in OCSF as the new
 * Security Hub's {@code GetFindingsV2} returns them (see
 * {@code src/test/resources/findings/ocsf-fsbp-s3.8-failed.json}).
 */
public final class SampleFindings {

	private SampleFindings() {
	}

	/**
	 * Findings {@code 1..count} for an account and Region, all updated at
	 * {@code updatedAt}.
	 */
	public static List<String> s3Buckets(String account, String region, int count, Instant updatedAt) {
		var findings = new ArrayList<String>();
		for (int n = 1; n <= count; n++) {
			findings.add(s3Bucket(account, region, n, updatedAt));
		}
		return findings;
	}

	/**
	 * Finding number {@code n}: bucket {@code example-bucket-<n>} does not block public
	 * access.
	 */
	public static String s3Bucket(String account, String region, int n, Instant updatedAt) {
		String id = "arn:aws:securityhub:" + region + ":" + account + ":security-control/S3.8/finding/"
				+ "a1b2c3d4-5678-90ab-cdef-%012d".formatted(n);
		String bucket = "arn:aws:s3:::example-bucket-" + n;
		return """
				{
				  "SchemaVersion": "2018-10-08",
				  "Id": "%1$s",
				  "ProductArn": "arn:aws:securityhub:%2$s::product/aws/securityhub",
				  "ProductName": "Security Hub",
				  "CompanyName": "AWS",
				  "Region": "%2$s",
				  "GeneratorId": "security-control/S3.8",
				  "AwsAccountId": "%3$s",
				  "Types": ["Software and Configuration Checks/Industry and Regulatory Standards", "Effects/Data Exposure"],
				  "FirstObservedAt": "2026-11-20T08:12:03.416Z",
				  "LastObservedAt": "%4$s",
				  "CreatedAt": "2026-11-20T08:12:03.416Z",
				  "UpdatedAt": "%4$s",
				  "Severity": {"Label": "HIGH", "Normalized": 70, "Original": "HIGH"},
				  "Title": "S3 general purpose buckets should block public access",
				  "Description": "This control checks whether an Amazon S3 general purpose bucket blocks public access at the bucket level.",
				  "Remediation": {"Recommendation": {
				    "Text": "For information on how to correct this issue, consult the AWS Security Hub controls documentation.",
				    "Url": "https://docs.aws.amazon.com/console/securityhub/S3.8/remediation"}},
				  "ProductFields": {
				    "RelatedAWSResources:0/type": "AWS::Config::ConfigRule",
				    "aws/securityhub/ProductName": "Security Hub",
				    "aws/securityhub/CompanyName": "AWS",
				    "Resources:0/Id": "%5$s"
				  },
				  "Resources": [{
				    "Type": "AwsS3Bucket",
				    "Id": "%5$s",
				    "Partition": "aws",
				    "Region": "%2$s",
				    "Details": {"AwsS3Bucket": {"OwnerId": "0123456789abcdef", "CreatedAt": "2025-04-02T01:22:41.000Z"}}
				  }],
				  "Compliance": {
				    "Status": "FAILED",
				    "SecurityControlId": "S3.8",
				    "AssociatedStandards": [{"StandardsId": "standards/aws-foundational-security-best-practices/v/1.0.0"}]
				  },
				  "WorkflowState": "NEW",
				  "Workflow": {"Status": "NEW"},
				  "RecordState": "ACTIVE",
				  "FindingProviderFields": {"Severity": {"Label": "HIGH", "Original": "HIGH"},
				    "Types": ["Software and Configuration Checks/Industry and Regulatory Standards"]},
				  "ProcessedAt": "%4$s"
				}
				"""
			.formatted(id, region, account, updatedAt.toString(), bucket);
	}

	/** OCSF findings {@code 1..count}, the twins of {@link #s3Buckets}. */
	public static List<String> s3BucketsOcsf(String account, String region, int count, Instant modifiedAt) {
		var findings = new ArrayList<String>();
		for (int n = 1; n <= count; n++) {
			findings.add(s3BucketOcsf(account, region, n, modifiedAt));
		}
		return findings;
	}

	/** Finding number {@code n} in OCSF: the same finding as {@link #s3Bucket}. */
	public static String s3BucketOcsf(String account, String region, int n, Instant modifiedAt) {
		String id = "arn:aws:securityhub:" + region + ":" + account + ":security-control/S3.8/finding/"
				+ "a1b2c3d4-5678-90ab-cdef-%012d".formatted(n);
		return """
				{
				  "activity_id": 2, "activity_name": "Update", "category_name": "Findings", "category_uid": 2,
				  "class_name": "Compliance Finding", "class_uid": 2003,
				  "cloud": {"account": {"uid": "%3$s"}, "provider": "AWS", "region": "%2$s"},
				  "compliance": {"control": "S3.8",
				    "standards": ["standards/aws-foundational-security-best-practices/v/1.0.0"],
				    "status": "Fail", "status_id": 3},
				  "finding_info": {
				    "created_time_dt": "2026-11-20T08:12:03.416Z",
				    "first_seen_time_dt": "2026-11-20T08:12:03.416Z",
				    "last_seen_time_dt": "%4$s",
				    "modified_time": %6$d,
				    "modified_time_dt": "%4$s",
				    "title": "S3 general purpose buckets should block public access",
				    "types": ["Software and Configuration Checks/Industry and Regulatory Standards", "Posture Management"],
				    "uid": "%1$s"
				  },
				  "metadata": {"product": {"name": "Security Hub", "uid": "arn:aws:securityhub:%2$s::productv2/aws/securityhub",
				    "vendor_name": "AWS"}, "profiles": ["cloud", "datetime"], "version": "1.6.0"},
				  "resources": [{"cloud_partition": "aws", "owner": {"account": {"uid": "%3$s"}}, "region": "%2$s",
				    "type": "AWS::S3::Bucket", "uid": "example-bucket-%5$d", "uid_alt": "arn:aws:s3:::example-bucket-%5$d"}],
				  "severity": "High", "severity_id": 4,
				  "status": "New", "status_id": 1,
				  "time_dt": "%4$s",
				  "type_name": "Compliance Finding: Update", "type_uid": 200302
				}
				"""
			.formatted(id, region, account, modifiedAt.toString(), n, modifiedAt.toEpochMilli());
	}

}
