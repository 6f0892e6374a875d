import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Random;

/**
 * Writes N realistic ASFF findings (about 3 KB each) as one JSON array, for the import
 * benchmark: Security Hub control findings (FSBP, passed and failed) across 100 accounts and
 * 17 regions, and GuardDuty and Inspector findings, after AWS's documented shapes.
 *
 * Usage: java bench/GenerateFindings.java N FILE [SEED]
 */
class GenerateFindings {

	static final String[] REGIONS = { "ap-northeast-1", "ap-northeast-3", "us-east-1", "us-east-2", "us-west-1",
			"us-west-2", "eu-west-1", "eu-west-2", "eu-central-1", "eu-north-1", "ap-southeast-1", "ap-southeast-2",
			"ap-south-1", "ca-central-1", "sa-east-1", "ap-northeast-2", "eu-west-3" };

	static final String[][] CONTROLS = { { "S3.8", "HIGH", "AwsS3Bucket", "S3 general purpose buckets should block public access" },
			{ "EC2.13", "HIGH", "AwsEc2SecurityGroup", "Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 22" },
			{ "IAM.3", "MEDIUM", "AwsIamUser", "IAM users' access keys should be rotated every 90 days or less" },
			{ "RDS.11", "MEDIUM", "AwsRdsDbInstance", "RDS instances should have automatic backups enabled" },
			{ "EC2.2", "HIGH", "AwsEc2SecurityGroup", "VPC default security groups should not allow inbound or outbound traffic" },
			{ "KMS.4", "MEDIUM", "AwsKmsKey", "AWS KMS key rotation should be enabled" },
			{ "CloudTrail.1", "HIGH", "AwsAccount", "CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events" },
			{ "GuardDuty.1", "HIGH", "AwsAccount", "GuardDuty should be enabled" } };

	public static void main(String[] args) throws IOException {
		long count = Long.parseLong(args[0]);
		Path file = Path.of(args[1]);
		var random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
		var base = Instant.parse("2026-11-01T00:00:00Z");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("[\n");
			for (long i = 0; i < count; i++) {
				if (i > 0) {
					out.write(",\n");
				}
				String account = "%012d".formatted(100000000000L + random.nextInt(100));
				String region = REGIONS[random.nextInt(REGIONS.length)];
				Instant updated = base.plus(random.nextInt(40 * 24 * 60), ChronoUnit.MINUTES);
				int kind = random.nextInt(10);
				out.write(kind < 8 ? control(i, account, region, updated, random)
						: kind == 8 ? guardDuty(i, account, region, updated) : inspector(i, account, region, updated, random));
			}
			out.write("\n]\n");
		}
	}

	static String control(long i, String account, String region, Instant updated, Random random) {
		String[] control = CONTROLS[(int) (i % CONTROLS.length)];
		boolean failed = random.nextInt(100) < 18;
		String severity = failed ? control[1] : "INFORMATIONAL";
		String resource = switch (control[2]) {
			case "AwsS3Bucket" -> "arn:aws:s3:::bucket-" + i;
			case "AwsEc2SecurityGroup" -> "arn:aws:ec2:" + region + ":" + account + ":security-group/sg-" + hex(i, 17);
			case "AwsIamUser" -> "arn:aws:iam::" + account + ":user/user-" + i;
			case "AwsRdsDbInstance" -> "arn:aws:rds:" + region + ":" + account + ":db:database-" + i;
			case "AwsKmsKey" -> "arn:aws:kms:" + region + ":" + account + ":key/" + uuid(i);
			default -> "AWS::::Account:" + account;
		};
		return """
				{"SchemaVersion":"2018-10-08","Id":"arn:aws:securityhub:%2$s:%1$s:security-control/%3$s/finding/%4$s",\
				"ProductArn":"arn:aws:securityhub:%2$s::product/aws/securityhub","ProductName":"Security Hub","CompanyName":"AWS",\
				"Region":"%2$s","GeneratorId":"security-control/%3$s","AwsAccountId":"%1$s",\
				"Types":["Software and Configuration Checks/Industry and Regulatory Standards"],\
				"FirstObservedAt":"%5$s","LastObservedAt":"%6$s","CreatedAt":"%5$s","UpdatedAt":"%6$s",\
				"Severity":{"Label":"%7$s","Normalized":%8$d,"Original":"%7$s"},"Title":"%9$s",\
				"Description":"This AWS control checks whether the resource complies with: %9$s. Findings are generated for each resource the control evaluates, and updated every time the resource's configuration changes or at least every 12 hours.",\
				"Remediation":{"Recommendation":{"Text":"For information on how to correct this issue, consult the AWS Security Hub controls documentation.","Url":"https://docs.aws.amazon.com/console/securityhub/%3$s/remediation"}},\
				"ProductFields":{"RelatedAWSResources:0/name":"securityhub-%10$s-%11$s","RelatedAWSResources:0/type":"AWS::Config::ConfigRule","aws/securityhub/ProductName":"Security Hub","aws/securityhub/CompanyName":"AWS","aws/securityhub/annotation":"%12$s","Resources:0/Id":"%13$s","aws/securityhub/FindingId":"arn:aws:securityhub:%2$s::product/aws/securityhub/arn:aws:securityhub:%2$s:%1$s:security-control/%3$s/finding/%4$s"},\
				"Resources":[{"Type":"%14$s","Id":"%13$s","Partition":"aws","Region":"%2$s","Tags":{"Name":"resource-%15$d","Owner":"platform-team","Environment":"%16$s","CostCenter":"cc-4120","Service":"logistics-tracking","ManagedBy":"terraform","Repository":"github.com/kumo-logistics/platform-infrastructure"},"Details":{"Other":{"Name":"resource-%15$d","Owner":"platform-team","Environment":"%16$s","ConfigRuleArn":"arn:aws:config:%2$s:%1$s:config-rule/aws-service-rule/securityhub.amazonaws.com/config-rule-%15$d","EvaluationMode":"DETECTIVE","LastEvaluatedAt":"2026-11-17T16:48:00Z","ComplianceResourceType":"%14$s","Annotation":"Evaluated against the Security Hub control parameters in effect for this account and Region."}}}],\
				"Compliance":{"Status":"%17$s","SecurityControlId":"%3$s","AssociatedStandards":[{"StandardsId":"standards/aws-foundational-security-best-practices/v/1.0.0"},{"StandardsId":"standards/cis-aws-foundations-benchmark/v/3.0.0"}],"RelatedRequirements":["NIST.800-53.r5 AC-3","NIST.800-53.r5 AC-6","NIST.800-53.r5 SC-7"]},\
				"WorkflowState":"NEW","Workflow":{"Status":"%18$s"},"RecordState":"ACTIVE",\
				"FindingProviderFields":{"Severity":{"Label":"%7$s","Original":"%7$s"},"Types":["Software and Configuration Checks/Industry and Regulatory Standards"]}}"""
			.formatted(account, region, control[0], uuid(i), updated.minus(30, ChronoUnit.DAYS), updated, severity,
					normalized(severity), control[3], control[0].toLowerCase().replace('.', '-'), hex(i, 8),
					failed ? "The resource does not comply." : "The resource complies.", resource, control[2], i,
					i % 3 == 0 ? "production" : "staging", failed ? "FAILED" : "PASSED", failed ? "NEW" : "RESOLVED");
	}

	static String guardDuty(long i, String account, String region, Instant updated) {
		return """
				{"SchemaVersion":"2018-10-08","Id":"arn:aws:guardduty:%2$s:%1$s:detector/%3$s/finding/%4$s",\
				"ProductArn":"arn:aws:securityhub:%2$s::product/aws/guardduty","ProductName":"GuardDuty","CompanyName":"Amazon",\
				"Region":"%2$s","GeneratorId":"arn:aws:guardduty:%2$s:%1$s:detector/%3$s","AwsAccountId":"%1$s",\
				"Types":["TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS"],"FirstObservedAt":"%5$s","LastObservedAt":"%5$s",\
				"CreatedAt":"%5$s","UpdatedAt":"%5$s","Severity":{"Label":"HIGH","Normalized":70,"Product":8},\
				"Title":"EC2 instance i-%6$s is querying a domain name associated with a known Command & Control server.",\
				"Description":"EC2 instance i-%6$s is querying a domain name associated with a known Command & Control server. This may indicate that the instance is compromised and is communicating with a threat actor.",\
				"ProductFields":{"aws/guardduty/service/archived":"false","aws/guardduty/service/count":"3","aws/guardduty/service/detectorId":"%3$s","aws/guardduty/service/action/actionType":"DNS_REQUEST","aws/guardduty/service/action/dnsRequestAction/domain":"c2.example.com","aws/guardduty/service/resourceRole":"TARGET","aws/securityhub/ProductName":"GuardDuty","aws/securityhub/CompanyName":"Amazon"},\
				"Resources":[{"Type":"AwsEc2Instance","Id":"arn:aws:ec2:%2$s:%1$s:instance/i-%6$s","Partition":"aws","Region":"%2$s",\
				"Details":{"AwsEc2Instance":{"Type":"m5.large","ImageId":"ami-0abcdef1234567890","IpV4Addresses":["10.0.%7$d.%8$d"],"VpcId":"vpc-0a1b2c3d","SubnetId":"subnet-0a1b2c3d","LaunchedAt":"%5$s"}}}],\
				"WorkflowState":"NEW","Workflow":{"Status":"NEW"},"RecordState":"ACTIVE"}"""
			.formatted(account, region, hex(account.hashCode(), 32), hex(i, 32), updated, hex(i, 17), i % 250, i % 200);
	}

	static String inspector(long i, String account, String region, Instant updated, Random random) {
		int cve = 1000 + random.nextInt(9000);
		return """
				{"SchemaVersion":"2018-10-08","Id":"arn:aws:inspector2:%2$s:%1$s:finding/%3$s",\
				"ProductArn":"arn:aws:securityhub:%2$s::product/aws/inspector","ProductName":"Inspector","CompanyName":"Amazon",\
				"Region":"%2$s","GeneratorId":"AWSInspector","AwsAccountId":"%1$s","Types":["Software and Configuration Checks/Vulnerabilities/CVE"],\
				"FirstObservedAt":"%4$s","LastObservedAt":"%4$s","CreatedAt":"%4$s","UpdatedAt":"%4$s",\
				"Severity":{"Label":"HIGH","Normalized":70},"Title":"CVE-2026-%5$d - openssl",\
				"Description":"Issue summary: A buffer overread can happen in openssl when processing certain inputs, which may lead to a denial of service or disclosure of memory contents.",\
				"Vulnerabilities":[{"Id":"CVE-2026-%5$d","VulnerablePackages":[{"Name":"openssl","Version":"3.0.2","Epoch":"1","Release":"0ubuntu1.10","Architecture":"X86_64","PackageManager":"OS","FixedInVersion":"3.0.2-0ubuntu1.12"}],"Cvss":[{"Version":"3.1","BaseScore":7.5,"BaseVector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H","Source":"NVD"}],"Vendor":{"Name":"NVD","Url":"https://nvd.nist.gov/vuln/detail/CVE-2026-%5$d","VendorSeverity":"HIGH"},"FixAvailable":"YES","ExploitAvailable":"NO"}],\
				"Resources":[{"Type":"AwsEc2Instance","Id":"arn:aws:ec2:%2$s:%1$s:instance/i-%6$s","Partition":"aws","Region":"%2$s"}],\
				"WorkflowState":"NEW","Workflow":{"Status":"NEW"},"RecordState":"ACTIVE"}"""
			.formatted(account, region, hex(i, 32), updated, cve, hex(i, 17));
	}

	static int normalized(String label) {
		return switch (label) {
			case "CRITICAL" -> 90;
			case "HIGH" -> 70;
			case "MEDIUM" -> 40;
			case "LOW" -> 1;
			default -> 0;
		};
	}

	static String hex(long value, int length) {
		String hex = HexFormat.of().toHexDigits(value * 0x9E3779B97F4A7C15L) + HexFormat.of().toHexDigits(value);
		while (hex.length() < length) {
			hex = hex + hex;
		}
		return hex.substring(0, length);
	}

	static String uuid(long i) {
		String h = hex(i, 32);
		return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
				+ h.substring(20, 32);
	}

}
