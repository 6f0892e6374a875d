package io.soc2ops.web;

/**
 * Findings as AWS documents them, for tests that send them in.
 */
public final class EventsApiFixtures {

	private EventsApiFixtures() {
	}

	/**
	 * An EventBridge event as Security Hub sends it for imported findings (detail-type
	 * "Security Hub Findings - Imported"), after AWS's documented example, carrying the
	 * given ASFF findings.
	 */
	public static String envelope(String eventId, java.util.List<String> findings) {
		return """
				{"version":"0","id":"%s","detail-type":"Security Hub Findings - Imported",
				 "source":"aws.securityhub","account":"444455556666","time":"2026-11-20T03:15:00Z","region":"ap-northeast-1",
				 "resources":["arn:aws:securityhub:ap-northeast-1::product/aws/securityhub"],
				 "detail":{"findings":[%s]}}
				"""
			.formatted(eventId, String.join(",", findings));
	}

	/**
	 * A GuardDuty finding as Security Hub stores it (ASFF), after AWS's documented
	 * sample.
	 */
	public static String guardDuty(String id, String updatedAt) {
		return """
				{"SchemaVersion":"2018-10-08",
				 "Id":"arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/%s",
				 "ProductArn":"arn:aws:securityhub:ap-northeast-1::product/aws/guardduty","ProductName":"GuardDuty",
				 "GeneratorId":"arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc","AwsAccountId":"444455556666",
				 "Types":["TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS"],
				 "FirstObservedAt":"2026-11-20T03:10:00.000Z","LastObservedAt":"%s","CreatedAt":"2026-11-20T03:10:00.000Z",
				 "UpdatedAt":"%s","Severity":{"Label":"HIGH","Normalized":70,"Product":8},
				 "Title":"EC2 instance i-0b7f2c9a1d3e45f60 is querying a domain associated with a known C&C server.",
				 "Description":"EC2 instance is querying a C&C domain.",
				 "Resources":[{"Type":"AwsEc2Instance","Id":"arn:aws:ec2:ap-northeast-1:444455556666:instance/i-0b7f2c9a1d3e45f60",
				  "Partition":"aws","Region":"ap-northeast-1"}],
				 "WorkflowState":"NEW","Workflow":{"Status":"NEW"},"RecordState":"ACTIVE"}
				"""
			.formatted(id, updatedAt, updatedAt);
	}

}
