package io.soc2ops.aws.local;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Amazon Inspector findings as {@code ListFindings} returns them, in the shape of the
 * Inspector2 API reference's {@code Finding} (timestamps in epoch seconds, as restJson1
 * sends them): a package vulnerability with CVE, CVSS and EPSS on an EC2 instance, one on
 * two instances modelled on AWS's documented example (a Debian package, CVSS from NVD
 * only, no fix yet), a network reachability finding on an EC2 instance, and a code
 * vulnerability in a Lambda function.
 */
public final class SampleInspectorFindings {

	/** When every sample was first observed. */
	public static final Instant FIRST_OBSERVED = Instant.parse("2026-11-20T08:12:03.416Z");

	private SampleInspectorFindings() {
	}

	/**
	 * Findings {@code 1..count}: the curl vulnerability on instances {@code 1..count},
	 * ACTIVE, all updated at {@code updatedAt}.
	 */
	public static List<String> packageVulnerabilities(String account, String region, int count, Instant updatedAt) {
		var findings = new ArrayList<String>();
		for (int n = 1; n <= count; n++) {
			findings.add(packageVulnerability(account, region, n, "ACTIVE", updatedAt));
		}
		return findings;
	}

	/** The EC2 instance ID of sample instance {@code n}. */
	public static String instance(int n) {
		return "i-0a1b2c3d4e5f%05d".formatted(n);
	}

	/** The ARN Inspector gives a finding: 32 hex digits, here derived from a name. */
	public static String arn(String account, String region, String name) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5")
				.digest((account + "/" + region + "/" + name).getBytes(StandardCharsets.UTF_8));
			return "arn:aws:inspector2:" + region + ":" + account + ":finding/" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * CVE-2023-38545 (curl's SOCKS5 heap overflow) on Ubuntu instance {@code n}: HIGH,
	 * CVSS 9.8 from NVD and 8.1 from Ubuntu, whose data the finding comes from; EPSS
	 * 0.26483; curl fixed in {@code 7.81.0-1ubuntu1.14}, libcurl4 with no fix listed.
	 */
	public static String packageVulnerability(String account, String region, int n, String status, Instant updatedAt) {
		return """
				{
				  "findingArn": "%1$s",
				  "awsAccountId": "%2$s",
				  "type": "PACKAGE_VULNERABILITY",
				  "description": "This flaw makes curl overflow a heap based buffer in the SOCKS5 proxy handshake.",
				  "title": "CVE-2023-38545 - curl, libcurl4",
				  "remediation": {"recommendation": {"text": "None Provided"}},
				  "severity": "HIGH",
				  "firstObservedAt": %4$s,
				  "lastObservedAt": %5$s,
				  "updatedAt": %5$s,
				  "status": "%6$s",
				  "resources": [{
				    "type": "AWS_EC2_INSTANCE",
				    "id": "%7$s",
				    "partition": "aws",
				    "region": "%3$s",
				    "tags": {"Name": "web-%8$d", "team": "payments"},
				    "details": {"awsEc2Instance": {
				      "type": "t3.medium", "imageId": "ami-0abcdef1234567890", "ipV4Addresses": ["10.0.1.%8$d"],
				      "iamInstanceProfileArn": "arn:aws:iam::%2$s:instance-profile/web", "vpcId": "vpc-0a1b2c3d",
				      "subnetId": "subnet-0a1b2c3d", "launchedAt": 1763020800, "platform": "UBUNTU_22_04"}}
				  }],
				  "inspectorScore": 8.1,
				  "inspectorScoreDetails": {"adjustedCvss": {"score": 8.1, "scoreSource": "UBUNTU_CVE",
				    "scoringVector": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", "version": "3.1", "adjustments": []}},
				  "packageVulnerabilityDetails": {
				    "vulnerabilityId": "CVE-2023-38545",
				    "source": "UBUNTU_CVE",
				    "sourceUrl": "https://people.canonical.com/~ubuntu-security/cve/2023/CVE-2023-38545.html",
				    "vendorSeverity": "high",
				    "vendorCreatedAt": 1696982400,
				    "vendorUpdatedAt": 1697068800,
				    "relatedVulnerabilities": [],
				    "referenceUrls": ["https://curl.se/docs/CVE-2023-38545.html"],
				    "cvss": [
				      {"baseScore": 9.8, "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "version": "3.1",
				       "source": "NVD"},
				      {"baseScore": 8.1, "scoringVector": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", "version": "3.1",
				       "source": "UBUNTU_CVE"}
				    ],
				    "vulnerablePackages": [
				      {"name": "curl", "version": "7.81.0", "release": "1ubuntu1.13", "epoch": 0, "arch": "X86_64",
				       "packageManager": "OS", "fixedInVersion": "0:7.81.0-1ubuntu1.14",
				       "remediation": "apt-get update && apt-get upgrade curl"},
				      {"name": "libcurl4", "version": "7.81.0", "release": "1ubuntu1.13", "epoch": 0, "arch": "X86_64",
				       "packageManager": "OS", "fixedInVersion": "NotAvailable"}
				    ]
				  },
				  "fixAvailable": "PARTIAL",
				  "exploitAvailable": "YES",
				  "exploitabilityDetails": {"lastKnownExploitAt": 1697500800},
				  "epss": {"score": 0.26483}
				}
				"""
			.formatted(arn(account, region, "curl-" + n), account, region, epoch(FIRST_OBSERVED), epoch(updatedAt),
					status, instance(n), n);
	}

	/**
	 * CVE-2022-49043 in libxml2 on two Debian instances, after the enhanced finding in
	 * AWS's {@code DescribeImageScanFindings} example: data from DEBIAN_CVE, CVSS from
	 * NVD only (3.1 and 2.0), the vendor's severity not yet assigned (UNTRIAGED), no fix.
	 */
	public static String onTwoInstances(String account, String region, Instant updatedAt) {
		return """
				{
				  "findingArn": "%1$s",
				  "awsAccountId": "%2$s",
				  "type": "PACKAGE_VULNERABILITY",
				  "description": "xmlXIncludeAddNode in xinclude.c in libxml2 before 2.11.0 has a use-after-free.",
				  "title": "CVE-2022-49043 - libxml2",
				  "remediation": {"recommendation": {"text": "None Provided"}},
				  "severity": "UNTRIAGED",
				  "firstObservedAt": %4$s,
				  "lastObservedAt": %5$s,
				  "updatedAt": %5$s,
				  "status": "ACTIVE",
				  "resources": [
				    {"type": "AWS_EC2_INSTANCE", "id": "%6$s", "partition": "aws", "region": "%3$s",
				     "tags": {"team": "platform"}, "details": {"awsEc2Instance": {"platform": "DEBIAN_12"}}},
				    {"type": "AWS_EC2_INSTANCE", "id": "%7$s", "partition": "aws", "region": "%3$s",
				     "details": {"awsEc2Instance": {"platform": "DEBIAN_12"}}}
				  ],
				  "packageVulnerabilityDetails": {
				    "vulnerabilityId": "CVE-2022-49043",
				    "source": "DEBIAN_CVE",
				    "sourceUrl": "https://security-tracker.debian.org/tracker/CVE-2022-49043",
				    "vendorSeverity": "not yet assigned",
				    "relatedVulnerabilities": [],
				    "referenceUrls": ["https://security-tracker.debian.org/tracker/CVE-2022-49043"],
				    "cvss": [
				      {"baseScore": 9.3, "scoringVector": "AV:N/AC:M/Au:N/C:C/I:C/A:C", "version": "2.0", "source": "NVD"},
				      {"baseScore": 8.1, "scoringVector": "CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", "version": "3.1",
				       "source": "NVD"}
				    ],
				    "vulnerablePackages": [
				      {"name": "libxml2", "version": "2.9.14+dfsg", "release": "1.3~deb12u1", "epoch": 0, "arch": "AMD64",
				       "packageManager": "OS", "fixedInVersion": "NotAvailable"}
				    ]
				  },
				  "fixAvailable": "NO",
				  "exploitAvailable": "NO"
				}
				"""
			.formatted(arn(account, region, "libxml2"), account, region, epoch(FIRST_OBSERVED), epoch(updatedAt),
					instance(101), instance(102));
	}

	/** Port 22 of an instance reachable from the internet gateway over TCP: MEDIUM. */
	public static String networkReachability(String account, String region, Instant updatedAt) {
		return """
				{
				  "findingArn": "%1$s",
				  "awsAccountId": "%2$s",
				  "type": "NETWORK_REACHABILITY",
				  "description": "On the instance %6$s, the port range 22 to 22 is reachable from the InternetGateway igw-0a1b2c3d from an attached ENI eni-0a1b2c3d.",
				  "title": "Port 22 is reachable from an Internet Gateway - TCP",
				  "remediation": {"recommendation": {"text": "You can restrict access to your instance by modifying the Security Groups or ACLs in the network path."}},
				  "severity": "MEDIUM",
				  "firstObservedAt": %4$s,
				  "lastObservedAt": %5$s,
				  "updatedAt": %5$s,
				  "status": "ACTIVE",
				  "resources": [{"type": "AWS_EC2_INSTANCE", "id": "%6$s", "partition": "aws", "region": "%3$s",
				    "tags": {"team": "payments"}, "details": {"awsEc2Instance": {"vpcId": "vpc-0a1b2c3d"}}}],
				  "inspectorScore": 5.3,
				  "networkReachabilityDetails": {
				    "openPortRange": {"begin": 22, "end": 22},
				    "protocol": "TCP",
				    "networkPath": {"steps": [
				      {"componentId": "igw-0a1b2c3d", "componentType": "AWS::EC2::InternetGateway"},
				      {"componentId": "acl-0a1b2c3d", "componentType": "AWS::EC2::NetworkAcl"},
				      {"componentId": "sg-0a1b2c3d", "componentType": "AWS::EC2::SecurityGroup"},
				      {"componentId": "eni-0a1b2c3d", "componentType": "AWS::EC2::NetworkInterface"}
				    ]}
				  }
				}
				"""
			.formatted(arn(account, region, "ssh"), account, region, epoch(FIRST_OBSERVED), epoch(updatedAt),
					instance(201));
	}

	/** Log injection (CWE-117, CWE-93) in a Python Lambda function's code: HIGH. */
	public static String codeVulnerability(String account, String region, Instant updatedAt) {
		return """
				{
				  "findingArn": "%1$s",
				  "awsAccountId": "%2$s",
				  "type": "CODE_VULNERABILITY",
				  "description": "User-provided inputs must be sanitized before they are logged.",
				  "title": "CWE-117,93 - Log injection",
				  "remediation": {"recommendation": {"text": "Sanitize the input before logging it."}},
				  "severity": "HIGH",
				  "firstObservedAt": %4$s,
				  "lastObservedAt": %5$s,
				  "updatedAt": %5$s,
				  "status": "SUPPRESSED",
				  "resources": [{"type": "AWS_LAMBDA_FUNCTION", "id": "arn:aws:lambda:%3$s:%2$s:function:orders-api:$LATEST",
				    "partition": "aws", "region": "%3$s", "tags": {"team": "orders"},
				    "details": {"awsLambdaFunction": {"functionName": "orders-api", "runtime": "PYTHON_3_12",
				      "codeSha256": "K2Jg4yUtF0C4ZbU8kvt0fgxDEXAMPLEb4bWbUuvEXAMPLE=", "version": "$LATEST",
				      "executionRoleArn": "arn:aws:iam::%2$s:role/orders-api", "packageType": "ZIP",
				      "architectures": ["X86_64"], "lastModifiedAt": 1763020800}}}],
				  "inspectorScore": 7.5,
				  "codeVulnerabilityDetails": {
				    "cwes": ["CWE-117", "CWE-93"],
				    "detectorId": "python/log-injection@v1.0",
				    "detectorName": "Log injection",
				    "detectorTags": ["data-integrity", "injection", "security", "owasp-top10", "top25-cwes", "python"],
				    "filePath": {"fileName": "handler.py", "filePath": "orders/handler.py", "startLine": 42, "endLine": 43},
				    "referenceUrls": ["https://cwe.mitre.org/data/definitions/117.html"],
				    "ruleId": "python-log-injection"
				  }
				}
				"""
			.formatted(arn(account, region, "log-injection"), account, region, epoch(FIRST_OBSERVED), epoch(updatedAt));
	}

	/** A timestamp as restJson1 sends it: epoch seconds with milliseconds. */
	static String epoch(Instant instant) {
		return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).toPlainString();
	}

}
